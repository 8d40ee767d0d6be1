using Research.Datasets.Manifests;

namespace Research.ModelWeights;

/// <summary>
/// Every model manifest of a <c>model-manifests/</c> folder, by id: the folder given, else the one beside the running
/// program or in the repository (found as <see cref="ManifestRegistry"/> finds <c>data-manifests/</c>).
/// </summary>
public sealed class ModelManifestRegistry
{
    /// <summary>The folder name.</summary>
    public const string FolderName = "model-manifests";

    private readonly SortedDictionary<string, ModelManifest> _byId;

    private ModelManifestRegistry(string folder, SortedDictionary<string, ModelManifest> byId)
    {
        Folder = folder;
        _byId = byId;
    }

    /// <summary>The folder the manifests came from.</summary>
    public string Folder { get; }

    /// <summary>All manifests, ordered by id.</summary>
    public IReadOnlyList<ModelManifest> All => [.. _byId.Values];

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="folder"/> (or of the default folder when null); the first bad manifest throws.</summary>
    public static ModelManifestRegistry Load(string? folder = null)
    {
        string dir = folder ?? ManifestRegistry.FindFolder(FolderName, "--model-manifests DIR");
        if (!Directory.Exists(dir)) throw new InputException($"{dir}: the model manifest folder does not exist; pass --model-manifests DIR.");
        var byId = new SortedDictionary<string, ModelManifest>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            ModelManifest manifest = ModelManifestLoader.Load(file);
            byId.Add(manifest.Id, manifest); // ids equal file stems, so they are unique
        }
        return new ModelManifestRegistry(dir, byId);
    }

    /// <summary>The manifest <paramref name="id"/>, or an <see cref="InputException"/> listing the known ids.</summary>
    public ModelManifest Get(string id) =>
        _byId.TryGetValue(id, out ModelManifest? manifest) ? manifest
            : throw new InputException($"Unknown model weights '{id}'. Known: {string.Join(", ", _byId.Keys)} (manifests in {Folder}).");
}
