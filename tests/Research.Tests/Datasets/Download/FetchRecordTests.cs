using Research.Datasets.Download;
using Research.Tests.Imaging.Codecs;

namespace Research.Tests.Datasets.Download;

public sealed class FetchRecordTests
{
    [Theory]
    [InlineData("""{"dataset": "x"}""")]
    [InlineData("""{"dataset": "x", "files": null}""")]
    [InlineData("""{"dataset": "x", "files": [null]}""")]
    [InlineData("not json")]
    public void A_damaged_record_is_named_with_what_to_do(string text)
    {
        using var temp = new TempFolder();
        string path = temp.File("x.fetch.json");
        File.WriteAllText(path, text);
        var error = Assert.Throws<InputException>(() => FetchRecord.Load(path, "x"));
        Assert.StartsWith(path + ": not a fetch record", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("delete it to download again.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_record_is_an_empty_one()
    {
        using var temp = new TempFolder();
        var record = FetchRecord.Load(temp.File("x.fetch.json"), "x");
        Assert.Equal("x", record.Dataset);
        Assert.Empty(record.Files);
    }
}
