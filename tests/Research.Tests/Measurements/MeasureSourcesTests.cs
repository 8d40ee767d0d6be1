using Research.Measurements;
using Research.Tests.Imaging.Codecs;

namespace Research.Tests.Measurements;

public sealed class MeasureSourcesTests
{
    private static MeasureInput Truth(string id) =>
        new(id, id, () => throw new InvalidOperationException("not read"), null, () => null);

    [Fact]
    public void Predictions_against_two_truths_with_one_stem_are_refused_naming_both()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Imaging", "Fixtures", "grey16.png"), temp.File("t000.png"));
        var error = Assert.Throws<InputException>(() => MeasureSources.Predictions(temp.Path, [Truth("01/t000"), Truth("02/t000")]));
        Assert.Contains("two true images share the stem 't000' (01/t000 and 02/t000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predictions_without_any_truth_are_refused()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<InputException>(() => MeasureSources.Predictions(temp.Path, []));
        Assert.Contains("no true image to match the predictions to", error.Message, StringComparison.Ordinal);
    }
}
