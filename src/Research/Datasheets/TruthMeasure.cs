using System.Security.Cryptography;
using Research.Datasets.Layouts;
using Research.Datasets.Validation;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Measurements;
using Research.Metrics;

namespace Research.Datasheets;

/// <summary>What <see cref="TruthMeasure"/> found in one sample's truth.</summary>
public sealed class TruthFacts
{
    /// <summary>Area and shape of each object.</summary>
    public List<ObjectShape> Objects { get; } = [];

    /// <summary>Pixels per class value (0 background; instance truth counts object pixels as 1).</summary>
    public Dictionary<int, long> ClassPixels { get; } = [];

    /// <summary>Problems found (unreadable, wrong size, empty, overlapping).</summary>
    public List<DatasetProblem> Problems { get; } = [];

    /// <summary>SHA-256 of each truth file read here (files read through the layout reader are hashed later).</summary>
    public Dictionary<string, string> Hashes { get; } = [];

    /// <summary>Foreground pixels.</summary>
    public long Foreground { get; set; }

    /// <summary>Object masks without a foreground pixel.</summary>
    public int EmptyMasks { get; set; }

    /// <summary>Pixels claimed by more than one object mask (each extra claim counts once).</summary>
    public long OverlappingPixels { get; set; }

    /// <summary>Truth files of another size than the image.</summary>
    public int WrongSize { get; set; }

    /// <summary>Truth files that could not be read.</summary>
    public int Unreadable { get; set; }
}

/// <summary>
/// Measures one sample's truth against its image size: one-object mask files are decoded one by one (hashing the bytes
/// read), combined on an <see cref="ObjectMaskCanvas"/> that counts overlapping pixels, and measured with
/// <see cref="RegionMeasurer"/> (area, eccentricity, solidity, circularity);
/// label images and RLE rows come from the layout reader; semantic masks give class pixel counts, and binary ones
/// (values 0 and 1) also one object per 4-connected component.
/// </summary>
public static class TruthMeasure
{
    /// <summary>Measures <paramref name="sample"/>'s truth; <paramref name="size"/> is its image's size when it was readable.</summary>
    public static TruthFacts Measure(DatasetSample sample, (int Width, int Height)? size)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var facts = new TruthFacts();
        switch (sample.Truth)
        {
            case TruthKind.ObjectMasks: ObjectMasks(sample, size, facts); break;
            case TruthKind.InstanceLabels or TruthKind.RleRows: Labels(sample, size, facts); break;
            case TruthKind.SemanticMask: Semantic(sample, size, facts); break;
        }
        return facts;
    }

    private static void ObjectMasks(DatasetSample sample, (int Width, int Height)? size, TruthFacts facts)
    {
        ObjectMaskCanvas? canvas = size is { } s ? new ObjectMaskCanvas(s.Width, s.Height) : null;
        foreach (string path in sample.MaskPaths)
        {
            Image<byte>? mask = Read(path, facts);
            if (mask is null || !SameSize(path, mask, size, facts)) continue;
            canvas ??= new ObjectMaskCanvas(mask.Width, mask.Height);
            MaskExtent extent = MaskExtent.Of(mask);
            if (extent.Pixels == 0)
            {
                facts.EmptyMasks++;
                facts.Problems.Add(new DatasetProblem(ProblemKind.EmptyMask, path, "the object mask has no foreground pixel"));
            }
            foreach (var (label, pixels) in canvas.Add(mask, extent))
            {
                facts.OverlappingPixels += pixels;
                facts.Problems.Add(new DatasetProblem(ProblemKind.Overlap, path, $"overlaps object {label} of image {sample.Id} in {pixels} pixel(s)"));
            }
            if (extent.Pixels > 0) facts.Objects.Add(Shape(mask, extent));
        }
        if (canvas is not null) Classes(canvas.Labels, facts);
    }

    /// <summary>One mask file's object measured on its extent (every foreground pixel is the object, even in pieces).</summary>
    private static ObjectShape Shape(Image<byte> mask, MaskExtent extent)
    {
        int w = extent.MaxX - extent.MinX + 1, h = extent.MaxY - extent.MinY + 1;
        var data = new int[w * h];
        for (int y = 0; y < h; y++)
        {
            ReadOnlySpan<byte> row = mask.Row(extent.MinY + y).Slice(extent.MinX, w);
            for (int x = 0; x < w; x++) data[y * w + x] = row[x] != 0 ? 1 : 0;
        }
        return ObjectShape.From(RegionMeasurer.Measure(new LabelImage(w, h, data)).Single());
    }

    private static string MaskWhere(DatasetSample sample) => sample.MaskPaths.Count > 0 ? sample.MaskPaths[0] : sample.ImagePath;

    /// <summary>Reads a sample's truth; an unreadable file is counted and listed as a problem (null), not thrown.</summary>
    private static T? ReadOrRecord<T>(Func<T?> read, string where, TruthFacts facts) where T : class
    {
        try
        {
            return read();
        }
        catch (InputException e)
        {
            facts.Unreadable++;
            facts.Problems.Add(new DatasetProblem(ProblemKind.Unreadable, where, e is ImageFileException f ? f.Problem : e.Message));
            return null;
        }
    }

    private static void Labels(DatasetSample sample, (int Width, int Height)? size, TruthFacts facts)
    {
        string where = MaskWhere(sample);
        var labels = ReadOrRecord(() => sample.Instances, where, facts);
        if (labels is null || !SameSize(where, labels, size, facts)) return;
        facts.Objects.AddRange(RegionMeasurer.Measure(LabelImage.From(labels, where)).Select(ObjectShape.From));
        Classes(labels, facts);
    }

    private static void Classes(Image<ushort> labels, TruthFacts facts)
    {
        long foreground = labels.Data.Length - labels.Span.Count((ushort)0);
        facts.Foreground = foreground;
        facts.ClassPixels[0] = labels.Data.Length - foreground;
        facts.ClassPixels[1] = foreground;
    }

    private static void Semantic(DatasetSample sample, (int Width, int Height)? size, TruthFacts facts)
    {
        string where = MaskWhere(sample);
        var mask = ReadOrRecord(() => sample.Semantic, where, facts);
        if (mask is null || !SameSize(where, mask, size, facts)) return;
        var counts = new long[256];
        foreach (byte v in mask.Span) counts[v]++;
        for (int v = 0; v < 256; v++) if (counts[v] > 0) facts.ClassPixels[v] = counts[v];
        facts.Foreground = mask.Data.Length - counts[0];
        if (counts.AsSpan(2).ContainsAnyExcept(0L)) return;
        // A binary mask (0/1 after the reader's threshold): each 4-connected component is one object, as evaluation
        // splits semantic truth.
        var foreground = new bool[mask.Data.Length];
        for (int i = 0; i < foreground.Length; i++) foreground[i] = mask.Data[i] != 0;
        int[] labels = Processing.Labels.ConnectedComponents.Label(foreground, mask.Width, mask.Height, Processing.Labels.Connectivity.Four, out int objects);
        facts.Objects.AddRange(RegionMeasurer.Measure(new LabelImage(mask.Width, mask.Height, labels)).Select(ObjectShape.From));
    }

    private static Image<byte>? Read(string path, TruthFacts facts)
    {
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            facts.Hashes[path] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return MaskReading.ToGrey8(ImageDecoder.Decode(bytes, path, allPages: false)[0], path);
        }
        catch (Exception e) when (e is ImageFileException or IOException or UnauthorizedAccessException)
        {
            facts.Unreadable++;
            facts.Problems.Add(new DatasetProblem(ProblemKind.Unreadable, path, e is ImageFileException f ? f.Problem : e.Message));
            return null;
        }
    }

    private static bool SameSize(string path, IImage mask, (int Width, int Height)? size, TruthFacts facts)
    {
        if (size is not { } s || (mask.Width == s.Width && mask.Height == s.Height)) return true;
        facts.WrongSize++;
        facts.Problems.Add(new DatasetProblem(ProblemKind.SizeMismatch, path, $"mask is {mask.Width}x{mask.Height} but its image is {s.Width}x{s.Height}"));
        return false;
    }
}
