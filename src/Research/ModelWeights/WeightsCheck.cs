using Research.IO;

namespace Research.ModelWeights;

/// <summary>A weights file checked against its manifest.</summary>
/// <param name="Path">The file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256.</param>
/// <param name="Problems">What differs from the manifest (empty when the file is the published one).</param>
/// <param name="Checked">False when the manifest has neither a size nor a digest to compare with.</param>
public sealed record WeightsCheck(string Path, long Bytes, string Sha256, IReadOnlyList<string> Problems, bool Checked)
{
    /// <summary>True when something was compared and nothing differs.</summary>
    public bool Valid => Checked && Problems.Count == 0;

    /// <summary>Checks <paramref name="path"/> against <paramref name="manifest"/>'s size and SHA-256.</summary>
    public static WeightsCheck Of(string path, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(manifest);
        if (Directory.Exists(path)) throw new InputException($"{path} is a folder; give the weights file (for {manifest.Id}: {manifest.File}).");
        if (!File.Exists(path)) throw new InputException($"{path}: no such file; download it with 'research models fetch {manifest.Id} --out DIR'.");
        long bytes = new FileInfo(path).Length;
        string sha = FileHash.Sha256(path);
        var problems = new List<string>();
        if (manifest.Bytes is long expected && expected != bytes) problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes:N0} bytes, the manifest says {expected:N0}"));
        if (manifest.Sha256.Length > 0 && manifest.Sha256 != sha) problems.Add($"SHA-256 {sha}, the manifest says {manifest.Sha256}");
        return new WeightsCheck(path, bytes, sha, problems, manifest.Bytes is not null || manifest.Sha256.Length > 0);
    }
}
