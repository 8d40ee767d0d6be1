using System.Text.RegularExpressions;
using Research.Datasets.Manifests;

namespace Research.Datasets.Layouts;

/// <summary>
/// Cell Tracking Challenge: sequences <c>NN/tTTT.tif</c> (8- or 16-bit, possibly multi-page), gold segmentation
/// <c>NN_GT/SEG/man_segTTT.tif</c> on selected frames, silver <c>NN_ST/SEG/man_segTTT.tif</c>, tracking markers and
/// <c>man_track.txt</c> in <c>NN_GT/TRA</c>. A frame takes gold truth when there is some, else silver, else none
/// (frames without truth are samples too); metadata says which (<c>truth</c>: gold, silver, none).
/// </summary>
public sealed partial class CtcReader : ILayoutReader
{
    /// <inheritdoc />
    public LayoutKind Kind => LayoutKind.Ctc;

    /// <inheritdoc />
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot)
    {
        LayoutFiles.RequireFolder(splitRoot, manifest);
        LayoutSpec layout = manifest.Layout;
        var samples = new List<DatasetSample>();
        foreach (DirectoryInfo dir in LayoutFiles.Folders(splitRoot, splitRoot).Where(d => Sequence().IsMatch(d.Name)))
        {
            string seq = dir.Name;
            string images = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(layout.Images ?? "{seq}", seq: seq));
            string gold = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(layout.Masks ?? "{seq}_GT/SEG", seq: seq));
            string silver = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(layout.SilverMasks ?? "{seq}_ST/SEG", seq: seq));
            string tracking = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(layout.Tracking ?? "{seq}_GT/TRA", seq: seq));
            foreach (FileInfo frame in LayoutFiles.Images(splitRoot, images, [".tif", ".tiff"]))
            {
                Match m = Frame().Match(frame.Name);
                if (!m.Success) continue;
                samples.Add(Sample(seq, m.Groups[1].Value, frame.FullName, gold, silver, tracking));
            }
        }
        return new LayoutScan(samples, []);
    }

    private static DatasetSample Sample(string seq, string t, string image, string gold, string silver, string tracking)
    {
        string goldFile = Path.Combine(gold, $"man_seg{t}.tif");
        string silverFile = Path.Combine(silver, $"man_seg{t}.tif");
        string? truth = File.Exists(goldFile) ? goldFile : File.Exists(silverFile) ? silverFile : null;
        var metadata = new Dictionary<string, string>
        {
            ["sequence"] = seq,
            ["frame"] = t,
            ["truth"] = truth == goldFile ? "gold" : truth == silverFile ? "silver" : "none",
        };
        string markers = Path.Combine(tracking, $"man_track{t}.tif");
        if (File.Exists(markers)) metadata["markers"] = markers;
        string tracks = Path.Combine(tracking, "man_track.txt");
        if (File.Exists(tracks)) metadata["tracks"] = tracks;
        return new DatasetSample($"{seq}/t{t}", image, truth is null ? TruthKind.None : TruthKind.InstanceLabels, truth is null ? [] : [truth],
            LayoutFiles.Loader(image), truth is null ? null : () => MaskReading.ReadLabels(truth), metadata: metadata);
    }

    [GeneratedRegex(@"^\d{2,3}$")]
    private static partial Regex Sequence();

    [GeneratedRegex(@"^t(\d+)\.tiff?$")]
    private static partial Regex Frame();
}
