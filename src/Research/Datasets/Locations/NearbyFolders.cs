using Research.Datasets.Layouts;
using Research.Datasets.Manifests;

namespace Research.Datasets.Locations;

/// <summary>
/// When nothing of a dataset is found where the user pointed, looks one and two levels above and below for folders
/// that hold the manifest's split folders (a dataset root) or samples of its layout (a split's folder), and names them.
/// </summary>
public static class NearbyFolders
{
    private const int MaxFoldersPerLevel = 200;
    private const int MaxNamed = 5;

    /// <summary>What the layout looks for, in words (for "nothing found" messages).</summary>
    public static string LookedFor(DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        LayoutSpec l = manifest.Layout;
        return l.Kind switch
        {
            LayoutKind.KaggleDsb => $"one folder per image holding {l.Images ?? "{id}/images"}/<id>.png",
            LayoutKind.Ctc => $"sequence folders NN ({l.Images ?? "{seq}"}) holding frames tTTT.tif",
            LayoutKind.PairedFolders => $"images ({string.Join(" ", LayoutFiles.Extensions(l))}) in {Folder(l.Images ?? "images")} with masks in {Folder(l.Masks ?? "masks")}",
            LayoutKind.RleCsv => $"the CSV {l.Csv} with images in {l.Images ?? "{id}/images"}",
            LayoutKind.ClassFolders => $"one folder of images per class in {Folder(l.Images ?? ".")}",
            _ => "images/ and labels/",
        };
    }

    /// <summary>
    /// "; found ... : FOLDER (...)" naming up to five folders near <paramref name="root"/> where the dataset is, or an
    /// empty string when there is none.
    /// </summary>
    public static string Hint(DatasetManifest manifest, string root)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var readers = new LayoutReaders();
        var found = new List<string>();
        foreach (var (folder, where) in Candidates(full))
        {
            if (found.Count == MaxNamed) break;
            string? what = Holds(manifest, readers, folder);
            if (what is not null) found.Add($"{folder} ({where}: {what})");
        }
        return found.Count == 0 ? "" : $"; found nearby: {string.Join("; ", found)}";
    }

    private static string Folder(string pattern) => pattern == "." ? "the split folder itself" : pattern + "/";

    private static IEnumerable<(string Folder, string Where)> Candidates(string root)
    {
        string? parent = Path.GetDirectoryName(root);
        if (parent is not null && Path.GetDirectoryName(parent) is not null) yield return (parent, "one level above");
        string? grand = parent is null ? null : Path.GetDirectoryName(parent);
        if (grand is not null && Path.GetDirectoryName(grand) is not null) yield return (grand, "two levels above");
        var children = Subfolders(root);
        foreach (string child in children) yield return (child, "one level below");
        foreach (string grandchild in children.SelectMany(Subfolders).Take(MaxFoldersPerLevel)) yield return (grandchild, "two levels below");
    }

    private static List<string> Subfolders(string folder)
    {
        try
        {
            return [.. new DirectoryInfo(folder).EnumerateDirectories().Where(d => !d.Name.StartsWith('.'))
                .Select(d => d.FullName).Order(StringComparer.Ordinal).Take(MaxFoldersPerLevel)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>"dataset root with split folders X" or "N samples of the layout", else null.</summary>
    private static string? Holds(DatasetManifest manifest, LayoutReaders readers, string folder)
    {
        var splits = manifest.Splits.Where(s => s.Folder != "." && Directory.Exists(Path.Combine(folder, s.Folder))).Select(s => s.Folder).ToList();
        if (splits.Count > 0) return $"a dataset root holding {string.Join(", ", splits)}";
        try
        {
            int samples = readers.Scan(manifest, folder).Samples.Count;
            return samples > 0 ? $"{samples} images of the layout" : null;
        }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
