using System.Formats.Tar;
using System.IO.Compression;
using Research.IO;

namespace Research.Datasets.Download;

/// <summary>
/// Unpacks .zip, .tar.gz/.tgz and .tar archives into a new folder, all or nothing (a staging folder renamed into
/// place). Entries that would escape the folder (<c>..</c>, absolute paths, symbolic or hard links pointing outside,
/// directly or through other links) and device or FIFO entries are refused with an <see cref="InputException"/>
/// naming the entry; nothing is left behind.
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>The archive kind named by the file's extension; other extensions throw <see cref="InputException"/>.</summary>
    public static ArchiveKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".zip", StringComparison.Ordinal)) return ArchiveKind.Zip;
        if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal)) return ArchiveKind.TarGz;
        if (name.EndsWith(".tar", StringComparison.Ordinal)) return ArchiveKind.Tar;
        throw new InputException($"{path}: not a supported archive; use .zip, .tar.gz, .tgz or .tar.");
    }

    /// <summary>
    /// Extracts <paramref name="archivePath"/> into <paramref name="targetFolder"/> (refused if it exists and is not
    /// empty, unless <paramref name="force"/>); returns the number of files written.
    /// </summary>
    public static int Extract(string archivePath, string targetFolder, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(archivePath);
        if (!File.Exists(archivePath)) throw new InputException($"{archivePath}: archive not found.");
        ArchiveKind kind = KindOf(archivePath);
        using var folder = OutputFolder.Begin(targetFolder, force);
        var root = new ExtractionRoot(folder.Staging, archivePath);
        int files;
        try
        {
            files = kind == ArchiveKind.Zip ? ExtractZip(archivePath, root) : ExtractTar(archivePath, kind, root);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{archivePath}: the archive is damaged or not a {kind} file ({e.Message}).", e);
        }
        folder.Commit();
        return files;
    }

    private static int ExtractZip(string archivePath, ExtractionRoot root)
    {
        using var zip = ZipFile.OpenRead(archivePath);
        int files = 0;
        foreach (var entry in zip.Entries)
        {
            string path = root.EntryPath(entry.FullName);
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(path);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
            files++;
        }
        return files;
    }

    private static int ExtractTar(string archivePath, ArchiveKind kind, ExtractionRoot root)
    {
        using var file = File.OpenRead(archivePath);
        using Stream data = kind == ArchiveKind.TarGz ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var tar = new TarReader(data);
        int files = 0;
        while (tar.GetNextEntry() is { } entry)
        {
            files += ExtractTarEntry(entry, root, archivePath) ? 1 : 0;
        }
        return files;
    }

    private static bool ExtractTarEntry(TarEntry entry, ExtractionRoot root, string archivePath)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(root.EntryPath(entry.Name));
                return false;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                string path = root.EntryPath(entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using (var output = new FileStream(path, FileMode.Create, FileAccess.Write))
                {
                    entry.DataStream?.CopyTo(output);
                }
                return true;
            case TarEntryType.SymbolicLink:
                string link = root.LinkPath(entry.Name);
                root.AddSymbolicLink(entry.Name, link, entry.LinkName);
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                if (File.Exists(link) || Directory.Exists(link)) File.Delete(link);
                File.CreateSymbolicLink(link, entry.LinkName);
                return false;
            case TarEntryType.HardLink:
                string source = root.HardLinkTarget(entry.Name, entry.LinkName);
                string copy = root.EntryPath(entry.Name);
                if (!File.Exists(source)) throw new InputException($"{archivePath}: entry '{entry.Name}' is a hard link to '{entry.LinkName}', which is not an earlier file of the archive.");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(source, copy, overwrite: true);
                return true;
            case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                return false;
            default:
                throw new InputException($"{archivePath}: entry '{entry.Name}' is a {entry.EntryType} entry (device, FIFO or other special file); refusing to extract it.");
        }
    }
}
