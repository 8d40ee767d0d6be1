using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Research.Datasets.Manifests;

namespace Research.Datasheets;

/// <summary>
/// <c>croissant.json</c>: MLCommons Croissant 1.0 metadata (JSON-LD) of the dataset. Files: every image read is a
/// <c>cr:FileObject</c> with its SHA-256 (hashed from the bytes already read for measuring, so no second pass);
/// truth files are <c>cr:FileSet</c>s with <c>includes</c> patterns, and their SHA-256 digests (with the images') are
/// listed in <c>sha256sums.txt</c> beside it, itself a FileObject with its digest (30,000 DSB2018 masks would make the
/// JSON-LD tens of megabytes). Record sets: <c>samples</c> (split, image, mask) and <c>labels</c> (the class map).
/// People-written answers go into the Croissant RAI properties (<see cref="CroissantRai"/>).
/// </summary>
public static class Croissant
{
    /// <summary>The file listing the digests of every file read.</summary>
    public const string SumsFile = "sha256sums.txt";

    /// <summary>Builds the JSON-LD document; <paramref name="sumsSha256"/> is the digest of <see cref="SumsFile"/> (null when no data were measured).</summary>
    /// <remarks><paramref name="rois"/>, when given, adds a FileObject for a measure run's rois.jsonld (<see cref="CroissantOntology"/>).</remarks>
    public static JsonObject Build(DatasetManifest manifest, Composition composition, DateTimeOffset generated, string? sumsSha256, CroissantOntology.RoisLink? rois = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(composition);
        var doc = new JsonObject
        {
            ["@context"] = CroissantContext.Build(),
            ["@type"] = "sc:Dataset",
            ["conformsTo"] = CroissantContext.ConformsTo,
            ["name"] = manifest.Name,
            ["description"] = manifest.Summary.Trim(),
            ["license"] = manifest.Licence.Url.Length > 0 ? manifest.Licence.Url : manifest.Licence.Spdx.Length > 0 ? $"https://spdx.org/licenses/{manifest.Licence.Spdx}.html" : manifest.Licence.Terms,
            ["url"] = manifest.Homepage,
            ["version"] = manifest.Version,
            ["creator"] = Creators(manifest),
            ["datePublished"] = Year(manifest) ?? generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["keywords"] = new JsonArray([.. manifest.Tasks.Select(t => (JsonNode)KebabCase.Of(t)), KebabCase.Of(manifest.Modality)]),
        };
        if (manifest.Citations.Count > 0) doc["citeAs"] = manifest.Citations[0].Bibtex.Trim();
        foreach (var (property, questions) in CroissantRai.Map)
        {
            var text = questions.SelectMany(id => ManifestAnswers.For(manifest, DatasheetQuestions.Get(id))).Distinct().ToList();
            if (text.Count > 0) doc[property] = string.Join("\n\n", text);
        }
        CroissantOntology.AddTerms(doc, manifest);
        var (distribution, imageSet, maskSet) = Distribution(manifest, composition, sumsSha256);
        if (rois is not null) distribution.Add(CroissantOntology.FileObject(rois));
        doc["distribution"] = distribution;
        doc["recordSet"] = RecordSets(manifest, imageSet, maskSet);
        return doc;
    }

    /// <summary>The lines of <see cref="SumsFile"/> (<c>sha256sum -c</c> format), one per file read, sorted by path.</summary>
    public static string Sums(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var text = new StringBuilder();
        foreach (var (path, sha) in composition.Hashes) text.Append(sha).Append("  ").Append(path).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes <c>croissant.json</c> (and, when measured, <see cref="SumsFile"/>) into the folder of <paramref name="path"/>.</summary>
    public static void Write(string path, DatasetManifest manifest, Composition composition, DateTimeOffset generated, CroissantOntology.RoisLink? rois = null)
    {
        ArgumentNullException.ThrowIfNull(composition);
        string? sums = null;
        if (composition.Measured)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Sums(composition));
            IO.AtomicFile.WriteAllBytes(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, SumsFile), bytes);
            sums = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        }
        IO.AtomicFile.WriteAllText(path, Build(manifest, composition, generated, sums, rois).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonArray Creators(DatasetManifest manifest)
    {
        var names = manifest.Citations.Select(c => Regex.Match(c.Bibtex, @"\bauthor\s*=\s*\{(?<a>.*?)\}\s*,?\s*$", RegexOptions.Multiline))
            .Where(m => m.Success).SelectMany(m => m.Groups["a"].Value.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct().ToList();
        if (names.Count == 0) return [new JsonObject { ["@type"] = "sc:Organization", ["name"] = $"the creators of {manifest.Name} (not named in the manifest)", ["url"] = manifest.Homepage }];
        return [.. names.Select(n => (JsonNode)new JsonObject { ["@type"] = "sc:Person", ["name"] = n.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal) })];
    }

    private static string? Year(DatasetManifest manifest) => manifest.Citations
        .Select(c => Regex.Match(c.Bibtex, @"\byear\s*=\s*[{""]?(?<y>\d{4})")).Where(m => m.Success).Select(m => m.Groups["y"].Value).FirstOrDefault();

    private static (JsonArray Distribution, string? ImageSet, string? MaskSet) Distribution(DatasetManifest manifest, Composition composition, string? sumsSha256)
    {
        var list = new JsonArray();
        foreach (var d in manifest.Obtain.Direct.Where(d => d.Sha256.Length > 0)) // Croissant's FileObject needs a digest; unpublished ones are in the datasheet's text
        {
            list.Add(new JsonObject { ["@type"] = "cr:FileObject", ["@id"] = $"download/{d.File}", ["name"] = d.File, ["contentUrl"] = d.Url, ["encodingFormat"] = Format(d.File), ["sha256"] = d.Sha256 });
        }
        if (!composition.Measured) return (list, null, null);
        var images = composition.Rows.Where(r => r.Sha256.Length > 0).ToList();
        foreach (var row in images)
        {
            list.Add(new JsonObject { ["@type"] = "cr:FileObject", ["@id"] = $"file/{row.File}", ["name"] = row.File, ["contentUrl"] = row.File, ["encodingFormat"] = Format(row.File), ["sha256"] = row.Sha256 });
        }
        list.Add(new JsonObject { ["@type"] = "cr:FileObject", ["@id"] = SumsFile, ["name"] = SumsFile, ["contentUrl"] = SumsFile, ["encodingFormat"] = "text/plain", ["sha256"] = sumsSha256, ["description"] = "SHA-256 of every file read to write this datasheet (sha256sum -c format)." });
        var imagePaths = images.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        string imageSet = AddSet(list, "image-files", imagePaths, composition);
        var truth = composition.Hashes.Keys.Where(p => !imagePaths.Contains(p)).ToList();
        string? maskSet = truth.Count == 0 ? null : AddSet(list, "truth-files", truth, composition);
        return (list, imageSet, maskSet);
    }

    private static string AddSet(JsonArray list, string id, IEnumerable<string> paths, Composition composition)
    {
        var ids = composition.Rows.Select(r => r.Id).Where(i => i.Length > 0).ToHashSet(StringComparer.Ordinal);
        var patterns = paths.Select(p => Pattern(p, ids)).Distinct().Order(StringComparer.Ordinal).ToList();
        var formats = paths.Select(Format).Distinct().ToList();
        list.Add(new JsonObject
        {
            ["@type"] = "cr:FileSet", ["@id"] = id, ["name"] = id,
            ["encodingFormat"] = formats.Count == 1 ? formats[0] : "application/octet-stream",
            ["includes"] = patterns.Count == 1 ? patterns[0] : new JsonArray([.. patterns.Select(p => (JsonNode)p)]),
        });
        return id;
    }

    private static string Pattern(string path, HashSet<string> ids)
    {
        var parts = path.Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            bool last = i == parts.Length - 1;
            string stem = last ? Path.GetFileNameWithoutExtension(parts[i]) : parts[i];
            if (last) parts[i] = "*" + Path.GetExtension(parts[i]);
            else if (ids.Contains(stem) || Regex.IsMatch(stem, "^[0-9a-f]{16,}$")) parts[i] = "*";
        }
        return string.Join('/', parts);
    }

    private static string Format(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".tif" or ".tiff" => "image/tiff",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".bmp" => "image/bmp",
        ".gif" => "image/gif",
        ".csv" => "text/csv",
        ".zip" => "application/zip",
        ".gz" or ".tgz" => "application/gzip",
        _ => "application/octet-stream",
    };

    private static JsonArray RecordSets(DatasetManifest manifest, string? imageSet, string? maskSet)
    {
        JsonObject Field(string set, string name, string type, string description, string? fileSet)
        {
            var field = new JsonObject { ["@type"] = "cr:Field", ["@id"] = $"{set}/{name}", ["name"] = name, ["description"] = description, ["dataType"] = type };
            if (fileSet is not null) field["source"] = new JsonObject { ["fileSet"] = new JsonObject { ["@id"] = fileSet }, ["extract"] = new JsonObject { ["fileProperty"] = "content" } };
            return field;
        }
        var samples = new JsonObject
        {
            ["@type"] = "cr:RecordSet", ["@id"] = "samples", ["name"] = "samples",
            ["description"] = $"One record per image: the image and its truth ({KebabCase.Of(manifest.Masks.Encoding)}).",
            ["field"] = new JsonArray(Field("samples", "image", "sc:ImageObject", "The image.", imageSet),
                Field("samples", "mask", "sc:ImageObject", $"The truth: {manifest.Masks.Format}", maskSet)),
        };
        var labels = new JsonObject
        {
            ["@type"] = "cr:RecordSet", ["@id"] = "labels", ["name"] = "labels", ["description"] = "The mask values and the classes they stand for.",
            ["key"] = new JsonObject { ["@id"] = "labels/value" },
            ["field"] = new JsonArray(Field("labels", "value", "sc:Integer", "Mask value.", null), Field("labels", "name", "sc:Text", "Class name.", null)),
            ["data"] = new JsonArray([.. manifest.Masks.ClassMap.OrderBy(p => p.Key).Select(p => (JsonNode)new JsonObject { ["labels/value"] = p.Key, ["labels/name"] = p.Value })]),
        };
        return [samples, labels];
    }
}
