using System.Text.Json.Nodes;
using Research.Datasheets;

namespace Research.Tests.Datasheets;

/// <summary>Structural checks of a Croissant 1.0 document (the required fields of the specification's Dataset, FileObject, FileSet, RecordSet and Field).</summary>
internal static class CroissantChecks
{
    public static void RequiredFields(JsonObject doc)
    {
        var context = Assert.IsType<JsonObject>(doc["@context"]);
        Assert.Equal("sc:Dataset", (string?)doc["@type"]);
        Assert.Equal("http://mlcommons.org/croissant/1.0", (string?)doc["conformsTo"]);
        Assert.Equal("dct:conformsTo", (string?)context["conformsTo"]);
        foreach (string key in new[] { "name", "description", "license", "url", "datePublished" }) Assert.False(string.IsNullOrWhiteSpace((string?)doc[key]), key);
        Assert.NotEmpty(Assert.IsType<JsonArray>(doc["creator"]));
        // Every prefix used in a key or a type is mapped in @context.
        string text = doc.ToJsonString();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "\"([a-z]+):[A-Za-z]+\""))
        {
            Assert.True(context.ContainsKey(m.Groups[1].Value), $"prefix {m.Groups[1].Value} is not in @context");
        }
        foreach (var node in Assert.IsType<JsonArray>(doc["distribution"]))
        {
            var o = node!.AsObject();
            string type = (string)o["@type"]!;
            Assert.Contains(type, new[] { "cr:FileObject", "cr:FileSet" });
            Assert.False(string.IsNullOrEmpty((string?)o["@id"]));
            Assert.False(string.IsNullOrEmpty((string?)o["encodingFormat"]));
            if (type == "cr:FileObject")
            {
                Assert.False(string.IsNullOrEmpty((string?)o["contentUrl"]));
                Assert.Matches("^[0-9a-f]{64}$", (string?)o["sha256"]);
            }
            else Assert.NotNull(o["includes"]);
        }
        foreach (var set in Assert.IsType<JsonArray>(doc["recordSet"]))
        {
            Assert.Equal("cr:RecordSet", (string?)set!["@type"]);
            foreach (var field in Assert.IsType<JsonArray>(set["field"])) Assert.Equal("cr:Field", (string?)field!["@type"]);
        }
        _ = CroissantContext.Prefixes;
    }
}
