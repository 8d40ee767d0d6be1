namespace Research.Datasets.Manifests;

/// <summary>
/// The keys each manifest mapping must have (the same lists as the <c>required</c> arrays of
/// <c>data-manifests/schema.json</c>; a test keeps them equal).
/// </summary>
internal static class ManifestRequiredKeys
{
    public static readonly IReadOnlyDictionary<Type, string[]> ByType = new Dictionary<Type, string[]>
    {
        [typeof(DatasetManifest)] = ["id", "name", "version", "summary", "homepage", "licence", "citations", "modality", "organism", "tissue", "tasks", "layout", "masks", "splits", "obtain", "datasheet"],
        [typeof(LicenceInfo)] = ["terms"],
        [typeof(Citation)] = ["bibtex"],
        [typeof(LayoutSpec)] = ["kind"],
        [typeof(MaskSpec)] = ["encoding"],
        [typeof(SplitSpec)] = ["name", "folder"],
        [typeof(FileChecksum)] = ["path", "sha256"],
        [typeof(ObtainSpec)] = [],
        [typeof(DirectDownload)] = ["url", "page", "file"],
        [typeof(DatasheetAnswers)] = ["motivation", "collection", "preprocessing", "uses", "distribution", "maintenance"],
    };
}
