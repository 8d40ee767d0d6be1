using System.Text.Json.Nodes;

namespace Research.Datasheets;

/// <summary>The JSON-LD <c>@context</c> of Croissant 1.0 (as in the specification's examples) with the RAI namespace.</summary>
public static class CroissantContext
{
    /// <summary>The value of <c>dct:conformsTo</c>.</summary>
    public const string ConformsTo = "http://mlcommons.org/croissant/1.0";

    /// <summary>The prefixes the output uses, with their IRIs.</summary>
    public static IReadOnlyDictionary<string, string> Prefixes { get; } = new Dictionary<string, string>
    {
        ["sc"] = "https://schema.org/",
        ["cr"] = "http://mlcommons.org/croissant/",
        ["rai"] = "http://mlcommons.org/croissant/RAI/",
        ["dct"] = "http://purl.org/dc/terms/",
    };

    /// <summary>A new <c>@context</c> object.</summary>
    public static JsonObject Build()
    {
        var context = new JsonObject { ["@language"] = "en", ["@vocab"] = "https://schema.org/" };
        foreach (var (prefix, iri) in Prefixes) context[prefix] = iri;
        foreach (string term in new[] { "citeAs", "column", "extract", "field", "fileProperty", "fileObject", "fileSet", "format", "includes",
                     "isLiveDataset", "jsonPath", "key", "md5", "parentField", "path", "recordSet", "references", "regex", "repeated",
                     "replace", "separator", "source", "subField", "transform" })
        {
            context[term] = $"cr:{term}";
        }
        context["conformsTo"] = "dct:conformsTo";
        context["data"] = new JsonObject { ["@id"] = "cr:data", ["@type"] = "@json" };
        context["dataType"] = new JsonObject { ["@id"] = "cr:dataType", ["@type"] = "@vocab" };
        context["examples"] = new JsonObject { ["@id"] = "cr:examples", ["@type"] = "@json" };
        return context;
    }
}
