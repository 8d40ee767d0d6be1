using Research.Benchmarks.Harness;

namespace Research.Benchmarks.Cases;

/// <summary>The registry of benchmark cases, in the order they run and appear in the table.</summary>
public static class BenchmarkCases
{
    /// <summary>Every case. Add new ones here.</summary>
    public static IReadOnlyList<IBenchmarkCase> All { get; } =
    [
        new PngDecodeCase(),
        new EvaluateDsbCase(),
        new Augment113Case(),
        new Clahe1024Case(),
        new Resize1024Case(Research.Processing.ResizeInterpolation.Linear),
        new Resize1024Case(Research.Processing.ResizeInterpolation.Area),
        new ValidateDsb2018Case(),
        new DatasheetDsb2018Case(),
        new TrainStepUnet16Case(),
        new TrainEpochOverlapCase(),
        new PredictDsbTestCase(),
        new MeasureDsb2018Case(),
        new DetectionOpsCase(roiAlign: true),
        new DetectionOpsCase(roiAlign: false),
        new SamEncoderCase("vit-t"),
        new SamEncoderCase("vit-b"),
        new SamDecoderStepCase(),
        new MaskRcnnTrainStepCase(),
        new MaskRcnnValidationCase(),
    ];

    /// <summary>The cases whose name contains <paramref name="filter"/> (ordinal, case-insensitive); all when null.</summary>
    public static IReadOnlyList<IBenchmarkCase> Matching(string? filter) =>
        filter is null ? All : [.. All.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))];
}
