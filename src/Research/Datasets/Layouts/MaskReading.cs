using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Datasets.Layouts;

/// <summary>Reads mask and label files in the forms the readers need.</summary>
public static class MaskReading
{
    /// <summary>A mask as 8-bit grey: colour masks become grey (equal channels keep R), 16-bit masks must hold values up to 255.</summary>
    public static Image<byte> ReadGrey8(string path) => ToGrey8(ImageFile.Read(path), path);

    /// <summary>Converts a decoded mask to 8-bit grey (see <see cref="ReadGrey8"/>).</summary>
    public static Image<byte> ToGrey8(IImage image, string path)
    {
        switch (image)
        {
            case Image<byte> bytes:
                return bytes.Channels == 1 ? bytes : GreyConversion.ToGrey(bytes.Channels == 2 ? DropAlpha(bytes) : bytes);
            case Image<ushort> words when words.Channels == 1:
                var result = new Image<byte>(words.Width, words.Height);
                for (int i = 0; i < words.Data.Length; i++)
                {
                    ushort v = words.Data[i];
                    if (v > 255) throw new ImageFileException(path, $"is a 16-bit mask with value {v} at pixel ({i % words.Width}, {i / words.Width}); masks read as 8-bit hold values up to 255.");
                    result.Data[i] = (byte)v;
                }
                return result;
            default:
                throw new ImageFileException(path, $"is a {image} image; a mask must be 8-bit or single-channel 16-bit.");
        }
    }

    /// <summary>
    /// An instance label image (Cell Tracking Challenge <c>man_seg*.tif</c>, StarDist masks): single-channel, 8- or
    /// 16-bit, 0 background. The first page of a multi-page file; see <see cref="ReadLabelPages"/> for stacks.
    /// </summary>
    public static Image<ushort> ReadLabels(string path) => ToLabels(ImageFile.Read(path), path);

    /// <summary>Every page of a multi-page label file (a 3D stack), each as 16-bit labels.</summary>
    public static IReadOnlyList<Image<ushort>> ReadLabelPages(string path) => [.. ImageFile.ReadPages(path).Select(p => ToLabels(p, path))];

    /// <summary>The distinct positive labels of a label image, ascending.</summary>
    public static IReadOnlyList<int> DistinctLabels(Image<ushort> labels)
    {
        var seen = new bool[65536];
        foreach (ushort v in labels.Span) seen[v] = true;
        var result = new List<int>();
        for (int v = 1; v < seen.Length; v++)
        {
            if (seen[v]) result.Add(v);
        }
        return result;
    }

    private static Image<ushort> ToLabels(IImage image, string path) => image switch
    {
        Image<ushort> { Channels: 1 } words => words,
        Image<byte> { Channels: 1 } bytes => new Image<ushort>(bytes.Width, bytes.Height, 1, [.. bytes.Data.Select(b => (ushort)b)]),
        _ => throw new ImageFileException(path, $"is a {image} image; instance labels must be single-channel 8- or 16-bit."),
    };

    private static Image<byte> DropAlpha(Image<byte> greyAlpha)
    {
        var grey = new Image<byte>(greyAlpha.Width, greyAlpha.Height);
        for (int i = 0; i < grey.Data.Length; i++) grey.Data[i] = greyAlpha.Data[2 * i];
        return grey;
    }
}
