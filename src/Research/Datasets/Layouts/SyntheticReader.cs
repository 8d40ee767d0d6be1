using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Datasets.Layouts;

/// <summary>The layout <c>research datasets synth</c> writes: <c>images/&lt;id&gt;.png</c> and <c>labels/&lt;id&gt;.tif</c> (16-bit instance labels).</summary>
public sealed class SyntheticReader : ILayoutReader
{
    /// <inheritdoc />
    public LayoutKind Kind => LayoutKind.Synthetic;

    /// <inheritdoc />
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot)
    {
        LayoutFiles.RequireFolder(splitRoot, manifest);
        string images = PathPatterns.Resolve(splitRoot, manifest.Layout.Images ?? "images");
        string labels = PathPatterns.Resolve(splitRoot, manifest.Layout.Masks ?? "labels");
        var problems = new List<DatasetProblem>();
        if (!Directory.Exists(images)) problems.Add(new DatasetProblem(ProblemKind.MissingImage, images, "the images folder is missing"));
        var samples = new List<DatasetSample>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (FileInfo image in LayoutFiles.Images(splitRoot, images, [".png"]))
        {
            string id = Path.GetFileNameWithoutExtension(image.Name);
            string label = Path.Combine(labels, id + ".tif");
            used.Add(id);
            if (!File.Exists(label))
            {
                problems.Add(new DatasetProblem(ProblemKind.MissingMasks, label, $"image {image.Name} has no label file"));
                samples.Add(new DatasetSample(id, image.FullName, TruthKind.None, [], LayoutFiles.Loader(image.FullName)));
                continue;
            }
            samples.Add(new DatasetSample(id, image.FullName, TruthKind.InstanceLabels, [label], LayoutFiles.Loader(image.FullName), () => MaskReading.ReadLabels(label)));
        }
        foreach (FileInfo label in LayoutFiles.Images(splitRoot, labels, [".tif"]))
        {
            if (!used.Contains(Path.GetFileNameWithoutExtension(label.Name))) problems.Add(new DatasetProblem(ProblemKind.MissingImage, label.FullName, "label file without an image"));
        }
        return new LayoutScan(samples, problems);
    }
}
