namespace Research.Metrics.Evaluation;

/// <summary>Label image files of a folder (PNG or TIFF), by file stem.</summary>
public static class LabelFolder
{
    private static readonly string[] Extensions = [".png", ".tif", ".tiff"];

    /// <summary>
    /// Maps each file stem to its path; <paramref name="option"/> names the folder's option in errors;
    /// <paramref name="pattern"/> (<c>*</c> and <c>?</c> wildcards, default every file) selects the files. Throws
    /// <see cref="InputException"/> for a missing folder or two files with one stem.
    /// </summary>
    public static Dictionary<string, string> Index(string folder, string option, string pattern = "*")
    {
        if (!Directory.Exists(folder)) throw new InputException($"{option} {folder}: the folder does not exist.");
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            if (!Extensions.Contains(Path.GetExtension(path).ToLowerInvariant())) continue;
            string stem = Path.GetFileNameWithoutExtension(path);
            if (!index.TryAdd(stem, path))
            {
                throw new InputException($"{option} {folder}: two label images share the stem '{stem}' ({index[stem]} and {path}); keep one.");
            }
        }
        return index;
    }
}
