namespace Research.Datasets.Download;

/// <summary>
/// Resolves archive entry paths and symbolic-link targets inside one extraction folder, following the links this
/// extraction created, and refuses anything that would land outside it (absolute paths, <c>..</c> above the root,
/// links pointing outside, also through other links). Backslashes count as separators.
/// </summary>
internal sealed class ExtractionRoot(string root, string archive)
{
    private const int MaxLinkHops = 40;
    private readonly string _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    /// <summary>The real location an entry named <paramref name="name"/> is written to.</summary>
    public string EntryPath(string name) => Walk(_root, Relative(name, name), name, followLast: true);

    /// <summary>Where a link entry <paramref name="name"/> itself is created (its last segment not followed).</summary>
    public string LinkPath(string name) => Walk(_root, Relative(name, name), name, followLast: false);

    /// <summary>Checks a symbolic link's target and remembers where it leads; relative targets only.</summary>
    public void AddSymbolicLink(string name, string linkPath, string target)
    {
        string resolved = Walk(Path.GetDirectoryName(linkPath)!, Relative(target, name, $"a link to '{target}'"), name, followLast: true);
        _links[linkPath] = resolved;
    }

    /// <summary>The real location of a hard link's target, named relative to the archive root.</summary>
    public string HardLinkTarget(string name, string target) =>
        Walk(_root, Relative(target, name, $"a hard link to '{target}'"), name, followLast: true);

    private string Relative(string path, string entry, string? what = null)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputException($"{archive}: entry '{entry}' has an empty or invalid name; the archive is damaged.");
        }
        string slashes = path.Replace('\\', '/');
        if (slashes.StartsWith('/') || Path.IsPathRooted(path) || (slashes.Length >= 2 && slashes[1] == ':'))
        {
            throw new InputException($"{archive}: entry '{entry}' is {what ?? "an absolute path"}{(what is null ? "" : ", an absolute path")}; refusing to write outside the target folder.");
        }
        return slashes;
    }

    private string Walk(string start, string relative, string entry, bool followLast)
    {
        string current = start;
        string[] segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            if (segment == ".") continue;
            current = segment == ".." ? Path.GetDirectoryName(current) ?? "/" : Path.Combine(current, segment);
            if (!Inside(current)) throw new InputException($"{archive}: entry '{entry}' escapes the target folder ('..' above it or a link pointing outside); refusing to extract.");
            if (followLast || i < segments.Length - 1) current = Follow(current, entry);
        }
        return current;
    }

    private string Follow(string path, string entry)
    {
        for (int hops = 0; _links.TryGetValue(path, out var next); hops++)
        {
            if (hops == MaxLinkHops) throw new InputException($"{archive}: entry '{entry}' goes through a loop of symbolic links.");
            path = next;
        }
        return path;
    }

    private bool Inside(string path) =>
        path.Length > _root.Length ? path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) : path == _root;
}
