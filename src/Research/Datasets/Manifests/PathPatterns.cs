namespace Research.Datasets.Manifests;

/// <summary>
/// Path patterns stay inside the dataset root: relative, no <c>..</c> segment, no drive or leading slash; and, at
/// read time, no symbolic link on the way that resolves outside the root.
/// </summary>
public static class PathPatterns
{
    /// <summary>Why <paramref name="pattern"/> would escape the root, or null when it is safe.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "is empty";
        if (Path.IsPathRooted(pattern) || pattern.StartsWith('/') || pattern.StartsWith('\\') || (pattern.Length > 1 && pattern[1] == ':'))
        {
            return $"'{pattern}' is absolute; patterns are relative to the dataset root";
        }
        if (pattern.Split('/', '\\').Any(segment => segment == ".."))
        {
            return $"'{pattern}' contains '..' and could escape the dataset root";
        }
        return null;
    }

    /// <summary>Replaces <c>{id}</c> and <c>{seq}</c> in <paramref name="pattern"/>.</summary>
    public static string Expand(string pattern, string? id = null, string? seq = null)
    {
        string result = pattern;
        if (id is not null) result = result.Replace("{id}", id, StringComparison.Ordinal);
        if (seq is not null) result = result.Replace("{seq}", seq, StringComparison.Ordinal);
        return result;
    }

    /// <summary>
    /// <paramref name="relative"/> under <paramref name="root"/>, after checking that following every symbolic link on
    /// the way stays inside the (resolved) root; throws an <see cref="InputException"/> naming the link otherwise.
    /// </summary>
    public static string Resolve(string root, string relative)
    {
        string problem = Problem(relative) ?? "";
        if (problem.Length > 0 && relative != ".") throw new InputException($"{Path.Combine(root, relative)}: the path {problem}.");
        string realRoot = RealPath(Path.GetFullPath(root));
        string current = realRoot;
        foreach (string segment in relative.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            current = RealPath(Path.Combine(current, segment));
            EnsureInside(realRoot, current, Path.Combine(root, relative));
        }
        return current;
    }

    /// <summary>Throws when <paramref name="file"/>, a file found in a folder already inside the root, is a link leading outside <paramref name="root"/>.</summary>
    public static void CheckFile(string root, FileSystemInfo file)
    {
        if (!file.Attributes.HasFlag(FileAttributes.ReparsePoint)) return;
        EnsureInside(RealPath(Path.GetFullPath(root)), RealPath(file.FullName), file.FullName);
    }

    private static void EnsureInside(string realRoot, string path, string shown)
    {
        string prefix = realRoot.EndsWith(Path.DirectorySeparatorChar) ? realRoot : realRoot + Path.DirectorySeparatorChar;
        if (path != realRoot && !path.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InputException($"{shown}: a symbolic link leads to {path}, outside the dataset root {realRoot}; copy the data into the root or point --root at the real folder.");
        }
    }

    private static string RealPath(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path)) return path;
        FileSystemInfo? target = info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
        return target is null ? path : Path.GetFullPath(target.FullName);
    }
}
