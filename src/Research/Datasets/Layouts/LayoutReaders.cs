using Research.Datasets.Manifests;

namespace Research.Datasets.Layouts;

/// <summary>The reader of each layout kind.</summary>
public sealed class LayoutReaders
{
    private readonly Dictionary<LayoutKind, ILayoutReader> _readers;

    /// <summary>Creates the registry with every reader.</summary>
    public LayoutReaders()
    {
        ILayoutReader[] all = [new KaggleDsbReader(), new CtcReader(), new PairedFoldersReader(), new RleCsvLayoutReader(), new ClassFoldersReader(), new SyntheticReader()];
        _readers = all.ToDictionary(r => r.Kind);
    }

    /// <summary>The reader of <paramref name="kind"/>.</summary>
    public ILayoutReader Get(LayoutKind kind) =>
        _readers.TryGetValue(kind, out ILayoutReader? reader) ? reader
            : throw new InputException($"No reader for layout kind '{kind}'. Valid kinds: {string.Join(", ", _readers.Keys.Select(KebabCase.Of))}.");

    /// <summary>The reader named <paramref name="kind"/> in kebab-case (e.g. <c>kaggle-dsb</c>); an unknown name lists the valid ones.</summary>
    public ILayoutReader Get(string kind) => Get(KebabCase.Parse<LayoutKind>(kind, "layout kind"));

    /// <summary>Lists the samples of <paramref name="manifest"/>'s split at <paramref name="splitRoot"/>.</summary>
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot) => Get(manifest.Layout.Kind).Scan(manifest, splitRoot);
}
