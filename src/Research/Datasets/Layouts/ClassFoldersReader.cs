using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Datasets.Layouts;

/// <summary>
/// Classification: one sub-folder per class under <c>layout.images</c> (the split folder by default). The class index
/// is the key of the folder's name in <c>masks.class_map</c>; without a class map, folders are numbered 0..n-1 in
/// ordinal order. A folder absent from the class map is a problem.
/// </summary>
public sealed class ClassFoldersReader : ILayoutReader
{
    /// <inheritdoc />
    public LayoutKind Kind => LayoutKind.ClassFolders;

    /// <inheritdoc />
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot)
    {
        LayoutFiles.RequireFolder(splitRoot, manifest);
        string root = PathPatterns.Resolve(splitRoot, manifest.Layout.Images ?? ".");
        var folders = LayoutFiles.Folders(splitRoot, root);
        var map = manifest.Masks.ClassMap.Count > 0
            ? manifest.Masks.ClassMap.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal)
            : folders.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var samples = new List<DatasetSample>();
        var problems = new List<DatasetProblem>();
        foreach (DirectoryInfo folder in folders)
        {
            if (!map.TryGetValue(folder.Name, out int label))
            {
                problems.Add(new DatasetProblem(ProblemKind.UndeclaredValue, folder.FullName, $"class folder '{folder.Name}' is not in the class map ({string.Join(", ", map.Keys)})"));
                continue;
            }
            foreach (FileInfo image in LayoutFiles.Images(splitRoot, folder.FullName, LayoutFiles.Extensions(manifest.Layout)))
            {
                samples.Add(new DatasetSample($"{folder.Name}/{Path.GetFileNameWithoutExtension(image.Name)}", image.FullName, TruthKind.None, [],
                    LayoutFiles.Loader(image.FullName), classLabel: label, metadata: new Dictionary<string, string> { ["class"] = folder.Name }));
            }
        }
        return new LayoutScan(samples, problems);
    }
}
