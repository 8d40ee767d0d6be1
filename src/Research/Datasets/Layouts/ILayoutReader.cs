using Research.Datasets.Manifests;

namespace Research.Datasets.Layouts;

/// <summary>Lists one split of a dataset in one layout kind as samples (paths only; pixels load lazily).</summary>
public interface ILayoutReader
{
    /// <summary>The layout kind this reader handles.</summary>
    LayoutKind Kind { get; }

    /// <summary>Lists the samples under <paramref name="splitRoot"/> using the manifest's patterns (or the kind's defaults).</summary>
    LayoutScan Scan(DatasetManifest manifest, string splitRoot);
}
