using System.Text.Json;
using Research.IO;

namespace Research.Datasets.Download;

/// <summary>Why a downloaded file is trusted.</summary>
public enum FetchTrust
{
    /// <summary>Its SHA-256 equals the manifest's (a published or sourced digest).</summary>
    Manifest,

    /// <summary>Its SHA-256 equals the one given with <c>--expect-sha256</c> (e.g. from another machine's record).</summary>
    Expected,

    /// <summary>No digest was known: the first download's digest was recorded and shown (trust on first use).</summary>
    FirstUse,
}

/// <summary>One file <c>fetch</c> downloaded.</summary>
/// <param name="Url">Where it came from.</param>
/// <param name="Page">The page that documents the URL.</param>
/// <param name="File">Its name under <c>DIR/.downloads</c>.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256.</param>
/// <param name="Trust">Why it is trusted.</param>
/// <param name="Date">When it was first downloaded with this digest (UTC, ISO 8601).</param>
/// <param name="Unpacked">True once its content is laid out in the dataset root.</param>
public sealed record FetchedFile(string Url, string Page, string File, long Bytes, string Sha256, FetchTrust Trust, string Date, bool Unpacked);

/// <summary>
/// <c>DIR/ID.fetch.json</c>: what <c>fetch</c> downloaded into a dataset root (URL, size, SHA-256, date), written
/// atomically after each step so that a run killed at any instant resumes from it, and so that a second machine can
/// check its download against the first (<c>--expect-sha256 FILE=DIGEST</c>).
/// </summary>
/// <param name="Dataset">The manifest id.</param>
/// <param name="Files">The files, in the manifest's order.</param>
public sealed record FetchRecord(string Dataset, IReadOnlyList<FetchedFile> Files)
{
    /// <summary>The record's path for <paramref name="dataset"/> in <paramref name="root"/>.</summary>
    public static string PathFor(string root, string dataset) => Path.Combine(root, dataset + ".fetch.json");

    /// <summary>The record at <paramref name="path"/>, or an empty one when there is none; a damaged record is an <see cref="InputException"/>.</summary>
    public static FetchRecord Load(string path, string dataset)
    {
        if (!System.IO.File.Exists(path)) return new FetchRecord(dataset, []);
        try
        {
            var record = JsonSerializer.Deserialize<FetchRecord>(System.IO.File.ReadAllText(path), Json.Options) ?? new FetchRecord(dataset, []);
            if (record.Files is null || record.Files.Any(f => f is null)) throw new InputException($"{path}: not a fetch record (no list of files); delete it to download again.");
            return record;
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a fetch record ({e.Message}); delete it to download again.", e);
        }
    }

    /// <summary>The entry for <paramref name="url"/>, or null.</summary>
    public FetchedFile? For(string url) => Files.FirstOrDefault(f => f.Url == url);

    /// <summary>This record with <paramref name="file"/> replacing the entry of the same URL (or appended).</summary>
    public FetchRecord With(FetchedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var files = Files.Where(f => f.Url != file.Url).ToList();
        files.Add(file);
        return this with { Files = files };
    }

    /// <summary>Writes the record to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => Json.Write(path, this);
}
