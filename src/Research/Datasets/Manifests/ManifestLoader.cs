using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Research.Datasets.Manifests;

/// <summary>
/// Reads a manifest: YAML syntax errors, unknown keys, wrong types and enum values not allowed are reported as
/// <c>file:line:column: problem</c>; missing required keys, unsafe path patterns and inconsistent values are
/// collected and reported together. Every problem is an <see cref="InputException"/> naming the file and key.
/// </summary>
public static partial class ManifestLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new KebabEnumConverter())
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyList<Citation>, List<Citation>>()
        .WithTypeMapping<IReadOnlyList<DatasetTask>, List<DatasetTask>>()
        .WithTypeMapping<IReadOnlyList<SplitSpec>, List<SplitSpec>>()
        .WithTypeMapping<IReadOnlyList<FileChecksum>, List<FileChecksum>>()
        .WithTypeMapping<IReadOnlyList<DirectDownload>, List<DirectDownload>>()
        .WithTypeMapping<IReadOnlyList<ManifestField>, List<ManifestField>>()
        .WithTypeMapping<IReadOnlyList<OntologyTerm>, List<OntologyTerm>>()
        .WithTypeMapping<IReadOnlyDictionary<int, string>, Dictionary<int, string>>()
        .WithTypeMapping<IReadOnlyDictionary<string, string>, Dictionary<string, string>>()
        .Build();

    /// <summary>Loads and checks the manifest at <paramref name="path"/>.</summary>
    public static DatasetManifest Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the manifest ({e.Message}).", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses and checks manifest <paramref name="text"/>; <paramref name="file"/> names it in messages and gives the expected id.</summary>
    public static DatasetManifest Parse(string text, string file)
    {
        var problems = new List<string>();
        YamlNode root = ParseTree(text, file);
        if (root is not YamlMappingNode mapping) throw new InputException($"{file}:{root.Start.Line}:{root.Start.Column}: a manifest is a mapping of keys (id, name, ...), not a {root.NodeType}.");
        RequiredKeyCheck.Check(mapping, typeof(DatasetManifest), "", file, problems);
        EmptyValueCheck.Check(mapping, "", file, problems);
        if (problems.Count > 0) throw Failure(file, problems);
        DatasetManifest manifest;
        try
        {
            manifest = Deserializer.Deserialize<DatasetManifest>(text) with { SourceFile = file };
        }
        catch (YamlException e)
        {
            throw new InputException($"{file}:{e.Start.Line}:{e.Start.Column}: {Describe(e)}", e);
        }
        ManifestChecks.Check(manifest, file, problems);
        if (problems.Count > 0) throw Failure(file, problems);
        return manifest;
    }

    private static YamlNode ParseTree(string text, string file)
    {
        var scanner = new Scanner(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count != 1) throw new InputException($"{file}: a manifest holds exactly one YAML document; found {stream.Documents.Count}.");
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw new InputException($"{file}:{e.Start.Line}:{e.Start.Column}: YAML syntax error: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this (without a position) for some unterminated constructs, e.g. "[a, b" at the end.
            Mark at = scanner.CurrentPosition;
            throw new InputException($"{file}:{at.Line}:{at.Column}: YAML syntax error: unterminated or malformed construct before this point.", e);
        }
    }

    private static InputException Failure(string file, List<string> problems) =>
        new(problems.Count == 1 ? problems[0] : $"{file}: {problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));

    /// <summary>YamlDotNet's messages rewritten for people: unknown keys list the valid ones, conversion errors say what was expected.</summary>
    private static string Describe(YamlException e)
    {
        Match unknown = UnknownProperty().Match(e.Message);
        if (unknown.Success)
        {
            Type? type = typeof(DatasetManifest).Assembly.GetType(unknown.Groups[2].Value);
            string valid = type is null ? "" : "; valid keys: " + string.Join(", ", RequiredKeyCheck.KeysOf(type));
            return $"unknown key '{unknown.Groups[1].Value}'{valid}.";
        }
        Exception inner = e;
        while (inner.InnerException is not null && inner is YamlException) inner = inner.InnerException;
        if (inner is YamlException y) return y.Message;
        return $"wrong type of value: {inner.Message}";
    }

    [GeneratedRegex(@"Property '([^']*)' not found on type '([^']*)'")]
    private static partial Regex UnknownProperty();
}
