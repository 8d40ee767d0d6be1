namespace Research.Datasets.Manifests;

/// <summary>
/// Every manifest of a <c>data-manifests/</c> folder, by id. The folder is the one given, else
/// <c>data-manifests/</c> beside the running program (the CLI copies the manifests into its output folder), else the
/// one in the repository: the first folder holding <c>Research.sln</c> above <see cref="AppContext.BaseDirectory"/>, above
/// this library's folder (a notebook's <c>notebooks/.lib</c>) or above the working folder.
/// </summary>
public sealed class ManifestRegistry
{
    /// <summary>The folder name.</summary>
    public const string FolderName = "data-manifests";

    private readonly SortedDictionary<string, DatasetManifest> _byId;

    private ManifestRegistry(string folder, SortedDictionary<string, DatasetManifest> byId)
    {
        Folder = folder;
        _byId = byId;
    }

    /// <summary>The folder the manifests came from.</summary>
    public string Folder { get; }

    /// <summary>All manifests, ordered by id.</summary>
    public IReadOnlyList<DatasetManifest> All => [.. _byId.Values];

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="folder"/> (or of the default folder when null); the first bad manifest throws.</summary>
    public static ManifestRegistry Load(string? folder = null)
    {
        string dir = folder ?? FindDefaultFolder();
        if (!Directory.Exists(dir)) throw new InputException($"{dir}: the manifest folder does not exist; pass --manifests DIR.");
        var byId = new SortedDictionary<string, DatasetManifest>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            DatasetManifest manifest = ManifestLoader.Load(file);
            if (!byId.TryAdd(manifest.Id, manifest)) throw new InputException($"{file}: id '{manifest.Id}' is also used by {byId[manifest.Id].SourceFile}.");
        }
        return new ManifestRegistry(dir, byId);
    }

    /// <summary>The manifest <paramref name="id"/>, or an <see cref="InputException"/> listing the known ids.</summary>
    public DatasetManifest Get(string id) =>
        _byId.TryGetValue(id, out DatasetManifest? manifest) ? manifest
            : throw new InputException($"Unknown dataset '{id}'. Known datasets: {string.Join(", ", _byId.Keys)} (manifests in {Folder}).");

    /// <summary>The default manifest folder (see the class summary).</summary>
    public static string FindDefaultFolder() => FindFolder(FolderName, "--manifests DIR");

    /// <summary>
    /// The folder <paramref name="folderName"/> of the repository's top level (<c>data-manifests</c>,
    /// <c>model-manifests</c>), looked for as the class summary says; <paramref name="option"/> is named in the error.
    /// </summary>
    public static string FindFolder(string folderName, string option)
    {
        // Where to start looking: the running program (the CLI), this library's own folder (a notebook kernel's host
        // lives elsewhere, but notebooks/.lib is inside the repository), and the working folder.
        string library = Path.GetDirectoryName(typeof(ManifestRegistry).Assembly.Location) is { Length: > 0 } l ? l : AppContext.BaseDirectory;
        string[] starts = [AppContext.BaseDirectory, library, Environment.CurrentDirectory];
        foreach (string start in starts)
        {
            string beside = Path.Combine(start, folderName);
            if (Directory.Exists(beside)) return beside;
        }
        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Research.sln"))) return Path.Combine(dir.FullName, folderName);
            }
        }
        throw new InputException($"No {folderName} folder beside {string.Join(" or ", starts.Distinct())} and no Research.sln above them; pass {option}.");
    }
}
