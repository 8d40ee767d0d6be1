using System.Buffers;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Datasets.Validation;

/// <summary>What checking one sample found.</summary>
internal sealed record SampleResult(int MaskFiles, int Objects, bool Negative, List<DatasetProblem> Problems);

/// <summary>
/// The pixel checks of one sample: the image decodes; every truth file decodes, has the image's size and holds only
/// the manifest's declared values; one-object masks are not empty and do not overlap (pixel counts per pair).
/// </summary>
internal static class SampleChecks
{
    public static SampleResult Check(DatasetSample sample, MaskSpec spec)
    {
        var problems = new List<DatasetProblem>();
        IImage? image = Try(sample.ImagePath, problems, () => ImageFile.Read(sample.ImagePath));
        (int W, int H)? size = image is null ? null : (image.Width, image.Height);
        return sample.Truth switch
        {
            TruthKind.ObjectMasks => ObjectMasks(sample, spec, size, problems),
            TruthKind.InstanceLabels or TruthKind.RleRows => Labels(sample, size, problems),
            TruthKind.SemanticMask => Semantic(sample, spec, size, problems),
            _ => new SampleResult(0, 0, false, problems),
        };
    }

    private static SampleResult ObjectMasks(DatasetSample sample, MaskSpec spec, (int W, int H)? size, List<DatasetProblem> problems)
    {
        SearchValues<byte> allowed = Allowed(spec);
        ObjectMaskCanvas? canvas = null;
        int objects = 0;
        for (int k = 0; k < sample.MaskPaths.Count; k++)
        {
            string path = sample.MaskPaths[k];
            Image<byte>? mask = Try(path, problems, () => MaskReading.ReadGrey8(path));
            if (mask is null || !SameSize(path, mask, sample.ImagePath, size, problems)) continue;
            CheckValues(path, mask, allowed, spec, problems);
            MaskExtent extent = MaskExtent.Of(mask);
            if (extent.Pixels == 0) problems.Add(new DatasetProblem(ProblemKind.EmptyMask, path, "the object mask has no foreground pixel"));
            canvas ??= new ObjectMaskCanvas(mask.Width, mask.Height);
            int before = canvas.Count;
            foreach (var (label, pixels) in canvas.Add(mask, extent))
            {
                problems.Add(new DatasetProblem(ProblemKind.Overlap, path, $"overlaps {Path.GetFileName(Owner(sample, label))} in {pixels} pixel(s)"));
            }
            objects++;
        }
        return new SampleResult(sample.MaskPaths.Count, objects, objects == 0, problems);

        static string Owner(DatasetSample sample, int label) => sample.MaskPaths[label - 1];
    }

    private static SampleResult Labels(DatasetSample sample, (int W, int H)? size, List<DatasetProblem> problems)
    {
        string where = sample.MaskPaths.Count > 0 ? sample.MaskPaths[0] : sample.ImagePath;
        Image<ushort>? labels;
        try { labels = sample.Instances; }
        catch (InputException e)
        {
            problems.Add(new DatasetProblem(e is ImageFileException ? ProblemKind.Unreadable : ProblemKind.Overlap, where, e.Message));
            return new SampleResult(1, 0, false, problems);
        }
        if (labels is null || !SameSize(where, labels, sample.ImagePath, size, problems)) return new SampleResult(1, 0, false, problems);
        int objects = MaskReading.DistinctLabels(labels).Count;
        return new SampleResult(1, objects, objects == 0, problems);
    }

    private static SampleResult Semantic(DatasetSample sample, MaskSpec spec, (int W, int H)? size, List<DatasetProblem> problems)
    {
        string path = sample.MaskPaths[0];
        Image<byte>? mask = Try(path, problems, () => MaskReading.ReadGrey8(path));
        if (mask is null || !SameSize(path, mask, sample.ImagePath, size, problems)) return new SampleResult(1, 0, false, problems);
        bool lossy = ImageFile.FormatFromExtension(path) == ImageFormat.Jpeg;
        if (!(lossy && spec.Encoding == MaskEncoding.Binary)) CheckValues(path, mask, Allowed(spec), spec, problems);
        int threshold = spec.Encoding == MaskEncoding.Binary ? spec.Threshold : 1;
        bool negative = !mask.Span.ContainsAnyInRange((byte)Math.Min(threshold, 255), byte.MaxValue);
        return new SampleResult(1, 0, negative, problems);
    }

    private static SearchValues<byte> Allowed(MaskSpec spec) =>
        SearchValues.Create([.. spec.ClassMap.Keys.Where(k => k is >= 0 and <= 255).Select(k => (byte)k)]);

    private static void CheckValues(string path, Image<byte> mask, SearchValues<byte> allowed, MaskSpec spec, List<DatasetProblem> problems)
    {
        if (spec.ClassMap.Count == 0) return;
        int at = mask.Span.IndexOfAnyExcept(allowed);
        if (at < 0) return;
        var found = new SortedSet<byte>();
        foreach (byte v in mask.Span) if (!allowed.Contains(v)) found.Add(v);
        problems.Add(new DatasetProblem(ProblemKind.UndeclaredValue, path,
            $"holds value(s) {string.Join(", ", found.Take(10))}{(found.Count > 10 ? ", ..." : "")} not in the class map ({string.Join(", ", spec.ClassMap.Keys)}); first at pixel ({at % mask.Width}, {at / mask.Width})"));
    }

    private static bool SameSize(string path, IImage mask, string imagePath, (int W, int H)? size, List<DatasetProblem> problems)
    {
        if (size is not { } s || (mask.Width == s.W && mask.Height == s.H)) return true;
        problems.Add(new DatasetProblem(ProblemKind.SizeMismatch, path, $"mask is {mask.Width}x{mask.Height} but its image {imagePath} is {s.W}x{s.H}"));
        return false;
    }

    private static T? Try<T>(string path, List<DatasetProblem> problems, Func<T> read) where T : class
    {
        try { return read(); }
        catch (ImageFileException e)
        {
            problems.Add(new DatasetProblem(ProblemKind.Unreadable, path, e.Problem));
            return null;
        }
    }
}
