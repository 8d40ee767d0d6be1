namespace Research.Datasheets;

/// <summary>
/// Which datasheet questions fill which property of the Croissant Responsible-AI vocabulary (<c>rai:</c>,
/// http://mlcommons.org/croissant/RAI/). Only answered questions are written.
/// </summary>
public static class CroissantRai
{
    /// <summary>RAI property → the questions whose answers it holds, in order.</summary>
    public static IReadOnlyList<(string Property, IReadOnlyList<string> Questions)> Map { get; } =
    [
        ("rai:dataCollection", ["collection-1", "collection-2"]),
        ("rai:dataCollectionType", ["collection-3"]),
        ("rai:dataCollectionTimeframe", ["collection-5"]),
        ("rai:dataPreprocessingProtocol", ["preprocessing-1", "preprocessing-3"]),
        ("rai:dataAnnotationProtocol", ["preprocessing-1"]),
        ("rai:dataUseCases", ["uses-3", "uses-1"]),
        ("rai:dataBiases", ["uses-4"]),
        ("rai:dataLimitations", ["uses-5"]),
        ("rai:personalSensitiveInformation", ["composition-11", "composition-16"]),
        ("rai:dataSocialImpact", ["collection-12"]),
        ("rai:dataReleaseMaintenancePlan", ["maintenance-1", "maintenance-4"]),
    ];
}
