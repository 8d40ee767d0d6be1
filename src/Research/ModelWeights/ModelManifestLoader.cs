using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Research.ModelWeights;

/// <summary>
/// Reads a model manifest. Syntax errors, unknown keys and wrong types are reported as <c>file:line:column: problem</c>;
/// missing keys and bad values are collected and reported together. Every problem is an <see cref="InputException"/>
/// naming the file and the key.
/// </summary>
public static partial class ModelManifestLoader
{
    /// <summary>The keys every model manifest must have.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys = ["id", "name", "family", "variant", "file", "url", "page", "licence", "citation"];

    /// <summary>The variants of each family.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Variants = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["sam"] = ["vit-b", "vit-l", "vit-h", "vit-t"],
    };

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Loads and checks the manifest at <paramref name="path"/>.</summary>
    public static ModelManifest Load(string path)
    {
        string text;
        try { text = System.IO.File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the model manifest ({e.Message}).", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses and checks <paramref name="text"/>; <paramref name="file"/> names it in messages and its stem is the expected id.</summary>
    public static ModelManifest Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        YamlMappingNode mapping = Mapping(text, file);
        var problems = new List<string>();
        foreach (string key in RequiredKeys)
        {
            if (!mapping.Children.ContainsKey(new YamlScalarNode(key))) problems.Add($"{file}: missing required key '{key}'.");
        }
        Research.Datasets.Manifests.EmptyValueCheck.Check(mapping, "", file, problems);
        if (problems.Count > 0) throw Failure(file, problems);
        ModelManifest manifest;
        try
        {
            manifest = Deserializer.Deserialize<ModelManifest>(text) with { SourceFile = file };
        }
        catch (YamlException e)
        {
            throw new InputException($"{file}:{e.Start.Line}:{e.Start.Column}: {Describe(e)}", e);
        }
        Check(manifest, file, problems);
        if (problems.Count > 0) throw Failure(file, problems);
        return manifest with { Sha256 = manifest.Sha256.ToLowerInvariant() };
    }

    private static void Check(ModelManifest m, string file, List<string> problems)
    {
        string stem = Path.GetFileNameWithoutExtension(file);
        if (!IdPattern().IsMatch(m.Id)) problems.Add($"{file}: id '{m.Id}' must be lowercase letters, digits and hyphens.");
        else if (stem != m.Id) problems.Add($"{file}: id '{m.Id}' differs from the file name; name the file {m.Id}.yaml.");
        if (!Variants.TryGetValue(m.Family, out string[]? variants)) problems.Add($"{file}: family '{m.Family}' is not known; known: {string.Join(", ", Variants.Keys)}.");
        else if (!variants.Contains(m.Variant, StringComparer.Ordinal)) problems.Add($"{file}: variant '{m.Variant}' is not a {m.Family} variant; valid: {string.Join(", ", variants)}.");
        if (m.File.Length == 0 || m.File != Path.GetFileName(m.File) || m.File is "." or "..") problems.Add($"{file}: file '{m.File}' must be a plain file name, without folders.");
        // http is accepted (the SHA-256 protects the content; tests serve files on a loopback port), https is the norm.
        if (!Uri.TryCreate(m.Url, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)) problems.Add($"{file}: url '{m.Url}' must be an absolute http(s) URL.");
        if (!Uri.TryCreate(m.Page, UriKind.Absolute, out Uri? page) || (page.Scheme != Uri.UriSchemeHttps && page.Scheme != Uri.UriSchemeHttp)) problems.Add($"{file}: page '{m.Page}' must be an absolute http(s) URL.");
        if (m.Sha256.Length > 0 && (m.Sha256.Length != 64 || !m.Sha256.All(Uri.IsHexDigit))) problems.Add($"{file}: sha256 '{m.Sha256}' is not 64 hexadecimal digits.");
        if (m.Bytes is <= 0) problems.Add($"{file}: bytes must be positive (or left out when no source states the size).");
        if ((m.Sha256.Length > 0 || m.Bytes is not null) && m.ChecksumSource.Trim().Length == 0) problems.Add($"{file}: checksum_source is required when sha256 or bytes is given: say where they come from.");
        if (m.Licence.Trim().Length == 0) problems.Add($"{file}: licence is empty; give the SPDX id of the weights' licence.");
        if (m.Citation.Trim().Length == 0) problems.Add($"{file}: citation is empty.");
    }

    private static YamlMappingNode Mapping(string text, string file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1) throw new InputException($"{file}: a model manifest holds exactly one YAML document; found {stream.Documents.Count}.");
            return stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new InputException($"{file}: a model manifest is a mapping of keys ({string.Join(", ", RequiredKeys)}).");
        }
        catch (YamlException e)
        {
            throw new InputException($"{file}:{e.Start.Line}:{e.Start.Column}: YAML syntax error: {e.Message}", e);
        }
    }

    private static InputException Failure(string file, List<string> problems) =>
        new(problems.Count == 1 ? problems[0] : $"{file}: {problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));

    private static string Describe(YamlException e)
    {
        Match unknown = UnknownProperty().Match(e.Message);
        if (unknown.Success)
        {
            var keys = typeof(ModelManifest).GetProperties().Where(p => p.Name != nameof(ModelManifest.SourceFile)).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name));
            return $"unknown key '{unknown.Groups[1].Value}'; valid keys: {string.Join(", ", keys)}.";
        }
        Exception inner = e;
        while (inner.InnerException is not null && inner is YamlException) inner = inner.InnerException;
        return inner is YamlException y ? y.Message : $"wrong type of value: {inner.Message}";
    }

    [GeneratedRegex(@"Property '([^']*)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
