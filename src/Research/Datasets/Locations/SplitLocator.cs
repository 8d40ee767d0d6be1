using Research.Datasets.Manifests;

namespace Research.Datasets.Locations;

/// <summary>
/// The one meaning of <c>--root</c> in every verb: the dataset's root, under which each split lives in the folder the
/// manifest gives (<c>splits[].folder</c>, <c>.</c> for the root itself). A split's own folder is accepted too, with
/// a note, when the root's name is the last segment of a split's folder and no such folder exists below it.
/// </summary>
public static class SplitLocator
{
    /// <summary>
    /// The splits to read under <paramref name="root"/>: the one named <paramref name="split"/> (even when its folder is
    /// missing, so the caller reports it); else the split whose own folder the root is; else every split whose folder
    /// exists. Empty when no split folder exists. Throws <see cref="InputException"/> for a missing root or an unknown split.
    /// </summary>
    public static IReadOnlyList<SplitLocation> Find(DatasetManifest manifest, string root, string? split)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string full = FullRoot(root);
        if (split is not null)
        {
            SplitSpec spec = Named(manifest, split);
            return [OwnFolder(spec, full) ? Own(manifest, spec, full) : new SplitLocation(spec, PathPatterns.Resolve(full, spec.Folder), null)];
        }
        SplitSpec? own = manifest.Splits.FirstOrDefault(s => OwnFolder(s, full));
        if (own is not null) return [Own(manifest, own, full)];
        return [.. manifest.Splits.Select(s => new SplitLocation(s, PathPatterns.Resolve(full, s.Folder), null)).Where(s => Directory.Exists(s.Folder))];
    }

    /// <summary>
    /// The single split a verb works on (train, predict, evaluate, tune): as <see cref="Find"/>, restricted to splits
    /// with truth when <paramref name="annotatedOnly"/>; several candidates are a usage error that lists them.
    /// </summary>
    public static SplitLocation One(DatasetManifest manifest, string root, string? split, bool annotatedOnly)
    {
        var found = Find(manifest, root, split);
        if (split is not null) return found[0];
        var candidates = found.Where(s => !annotatedOnly || s.Split.Annotated).ToList();
        if (candidates.Count == 1) return candidates[0];
        string full = FullRoot(root);
        if (candidates.Count == 0)
        {
            throw new InputException($"{root}: no {(annotatedOnly ? "annotated " : "")}split of dataset {manifest.Id} found (looked for {Folders(manifest, annotatedOnly)} under it){NearbyFolders.Hint(manifest, full)}; --root is the dataset's root.");
        }
        throw new InputException($"{root} holds several splits of dataset {manifest.Id} ({string.Join(", ", candidates.Select(c => c.Split.Name))}); choose one with --split NAME.");
    }

    /// <summary>The manifest split named <paramref name="name"/>; an unknown name lists the splits.</summary>
    public static SplitSpec Named(DatasetManifest manifest, string name) =>
        manifest.Splits.FirstOrDefault(s => s.Name == name)
        ?? throw new InputException($"Dataset {manifest.Id} has no split '{name}'. Its splits: {string.Join(", ", manifest.Splits.Select(s => s.Name))}.");

    /// <summary>The split folders of the manifest, as a list for messages (<c>stage1_train/, stage1_test/</c>).</summary>
    public static string Folders(DatasetManifest manifest, bool annotatedOnly = false) =>
        string.Join(", ", manifest.Splits.Where(s => !annotatedOnly || s.Annotated).Select(s => s.Folder == "." ? "the root itself" : s.Folder + "/").Distinct(StringComparer.Ordinal));

    private static string FullRoot(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root)) throw new InputException($"{root}: the folder given as --root does not exist.");
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    private static bool OwnFolder(SplitSpec split, string root)
    {
        string folder = Path.TrimEndingDirectorySeparator(split.Folder.Replace('\\', '/'));
        if (folder is "." or "") return false;
        string last = folder.Split('/')[^1];
        return Path.GetFileName(root) == last && !Directory.Exists(Path.Combine(root, folder));
    }

    private static SplitLocation Own(DatasetManifest manifest, SplitSpec split, string root) =>
        new(split, root, $"{root} is the folder of split {split.Name} itself; read as that split (--root is the dataset's root, here {Path.GetDirectoryName(root)}).");
}
