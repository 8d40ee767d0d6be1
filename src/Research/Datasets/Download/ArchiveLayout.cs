using Research.Datasets.Manifests;

namespace Research.Datasets.Download;

/// <summary>
/// Lays a downloaded file out in the dataset root as its manifest entry says (<see cref="DirectDownload.From"/> and
/// <see cref="DirectDownload.To"/>): an archive is unpacked with <see cref="ArchiveExtractor"/> into a staging folder
/// beside it, and each top entry of the chosen folder is renamed into place (an earlier copy of that entry is
/// replaced); another file is copied under a temporary name and renamed, and an RLE CSV with
/// <see cref="DirectDownload.RleMasksInto"/> is decoded into per-object masks (<see cref="RleObjectMasks"/>). A run
/// killed half-way is finished by the next one.
/// </summary>
public static class ArchiveLayout
{
    /// <summary>Names <c>fetch</c> keeps for itself in the dataset root; an archive may not bring them.</summary>
    public const string DownloadsFolder = ".downloads";

    /// <summary><c>from: "*"</c>: the archive's lone top folder, whatever its name (its root when it holds more).</summary>
    public const string AnyTopFolder = "*";

    /// <summary>True when <paramref name="file"/> is an archive <see cref="ArchiveExtractor"/> unpacks.</summary>
    public static bool IsArchive(string file)
    {
        string name = file.ToLowerInvariant();
        return name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".tar.gz", StringComparison.Ordinal)
            || name.EndsWith(".tgz", StringComparison.Ordinal) || name.EndsWith(".tar", StringComparison.Ordinal);
    }

    /// <summary>
    /// Lays <paramref name="downloaded"/> out under <paramref name="root"/>; returns what went where, in words.
    /// <paramref name="afterStep"/> is told of each durable step (unpacked, each entry renamed into place).
    /// </summary>
    public static string Place(DatasetManifest manifest, DirectDownload entry, string downloaded, string root, Action<string>? afterStep = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entry);
        if (!IsArchive(entry.File))
        {
            string to = PathPatterns.Resolve(root, entry.To ?? entry.File);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            string temp = to + ".fetch-tmp";
            File.Copy(downloaded, temp, overwrite: true);
            File.Move(temp, to, overwrite: true);
            if (entry.RleMasksInto is null) return $"{entry.File} -> {Relative(root, to)}";
            string split = PathPatterns.Resolve(root, entry.RleMasksInto);
            var (images, masks, missing) = RleObjectMasks.Write(to, split);
            if (missing.Count > 0)
            {
                throw new InputException($"{to}: {missing.Count} ImageId(s) have no folder in {split} (e.g. {missing[0]}); the split's archive must come before the CSV in the manifest.");
            }
            return $"{entry.File} -> {Relative(root, to)}, decoded into {masks} object masks of {images} images in {entry.RleMasksInto}/<ImageId>/masks/";
        }
        string staging = downloaded + ".unpacked";
        ArchiveExtractor.Extract(downloaded, staging, force: true);
        afterStep?.Invoke($"unpacked {entry.File}");
        string source = Source(manifest, entry, staging, downloaded);
        string dest = entry.To is null or "." ? root : PathPatterns.Resolve(root, entry.To);
        Directory.CreateDirectory(dest);
        var moved = new List<string>();
        foreach (FileSystemInfo item in new DirectoryInfo(source).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (dest == root && (item.Name == DownloadsFolder || item.Name == manifest.Id + ".fetch.json"))
            {
                throw new InputException($"{downloaded}: the archive holds '{item.Name}', a name fetch keeps for itself; unpack it by hand.");
            }
            string target = Path.Combine(dest, item.Name);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            else if (File.Exists(target)) File.Delete(target);
            if (item is DirectoryInfo dir) dir.MoveTo(target);
            else File.Move(item.FullName, target);
            moved.Add(item.Name);
            afterStep?.Invoke($"moved {item.Name}");
        }
        Directory.Delete(staging, recursive: true);
        string from = Path.GetRelativePath(staging, source).Replace('\\', '/');
        return $"{entry.File}: {(from == "." ? "its root" : from + "/")} ({moved.Count} entries) -> {(dest == root ? "the dataset root" : Relative(root, dest) + "/")}";
    }

    /// <summary>Removes staging folders a killed run left in <paramref name="downloads"/>.</summary>
    public static void CleanStaging(string downloads)
    {
        if (!Directory.Exists(downloads)) return;
        foreach (string dir in Directory.EnumerateDirectories(downloads).Where(d => Path.GetFileName(d).Contains(".staging-", StringComparison.Ordinal)))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Source(DatasetManifest manifest, DirectDownload entry, string staging, string archive)
    {
        var top = new DirectoryInfo(staging).EnumerateFileSystemInfos().ToList();
        if (entry.From is not null and not AnyTopFolder)
        {
            string from = entry.From == "." ? staging : PathPatterns.Resolve(staging, entry.From);
            if (Directory.Exists(from)) return from;
            throw new InputException($"{archive}: the archive has no folder '{entry.From}' (manifest obtain.direct 'from'); its top entries: {string.Join(", ", top.Select(t => t.Name).Order(StringComparer.Ordinal).Take(10))}.");
        }
        if (top.Count != 1 || top[0] is not DirectoryInfo single) return staging;
        string toLast = (entry.To ?? ".").Replace('\\', '/').TrimEnd('/').Split('/')[^1];
        return entry.From == AnyTopFolder || single.Name == toLast ? single.FullName : staging;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
