using Research.Datasets.Locations;
using Research.Datasets.Manifests;
using Research.Datasets.Synthetic;

namespace Research.Cli.Commands;

/// <summary>
/// The one meaning of <c>--root</c> with a manifest dataset in every verb: the dataset's root, the split picked by
/// <c>--split</c> (or the only one there) and resolved under it as the manifest says; a split's own folder is accepted
/// with a note on standard error (see <see cref="SplitLocator"/>).
/// </summary>
public static class DatasetRoots
{
    /// <summary>The description of <c>--root</c> shared by the verbs.</summary>
    public const string RootDescription = "The dataset's root (e.g. .../dsb2018); the split is found under it as the manifest says. A split's own folder (e.g. .../dsb2018/stage1_train) is accepted with a note.";

    /// <summary>A new <c>--split NAME</c> option (each command needs its own instance).</summary>
    public static System.CommandLine.Option<string?> SplitOption() =>
        new("--split") { Description = "The manifest split under --root (default: the only split there; see 'research datasets show ID')." };

    /// <summary>
    /// The split folder of dataset <paramref name="id"/> under <paramref name="root"/> (null when no root is given or the
    /// dataset is generated); several splits without <paramref name="split"/> is a usage error that lists them.
    /// </summary>
    public static string? SplitFolder(CliContext context, string? id, string? root, string? split, bool annotatedOnly)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (root is null || id is null || id == SyntheticNucleiGenerator.DatasetId) return root;
        DatasetManifest manifest = ManifestRegistry.Load().Get(id);
        SplitLocation location = SplitLocator.One(manifest, root, split, annotatedOnly);
        if (location.Note is not null) context.Error.WriteLine($"research: note: {location.Note}");
        return location.Folder;
    }
}
