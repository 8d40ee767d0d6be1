using Research.Datasets.Manifests;
using Research.Imaging.Codecs;

namespace Research.Datasets.Layouts;

/// <summary>File listing shared by the readers: image extensions, ordinal order, and links that must stay inside the root.</summary>
internal static class LayoutFiles
{
    public static readonly IReadOnlyList<string> DefaultImageExtensions = [".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".gif"];

    public static IReadOnlyList<string> Extensions(LayoutSpec layout) => layout.ImageExtensions.Count > 0 ? layout.ImageExtensions : DefaultImageExtensions;

    /// <summary>The image files of <paramref name="folder"/> (inside <paramref name="root"/>), by ordinal name.</summary>
    public static List<FileInfo> Images(string root, string folder, IReadOnlyList<string> extensions)
    {
        var result = new List<FileInfo>();
        if (!Directory.Exists(folder)) return result;
        foreach (FileInfo file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (!extensions.Contains(file.Extension.ToLowerInvariant())) continue;
            PathPatterns.CheckFile(root, file);
            result.Add(file);
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    /// <summary>The sub-folders of <paramref name="folder"/>, by ordinal name.</summary>
    public static List<DirectoryInfo> Folders(string root, string folder)
    {
        var result = new List<DirectoryInfo>();
        foreach (DirectoryInfo dir in new DirectoryInfo(folder).EnumerateDirectories())
        {
            PathPatterns.CheckFile(root, dir);
            result.Add(dir);
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    /// <summary>The split root must exist; says so otherwise.</summary>
    public static void RequireFolder(string root, DatasetManifest manifest)
    {
        if (!Directory.Exists(root)) throw new InputException($"{root}: the folder does not exist; give the folder of a {manifest.Id} split.");
    }

    /// <summary>Reads an image file (the loaders' default).</summary>
    public static Func<Imaging.IImage> Loader(string path) => () => ImageFile.Read(path);
}
