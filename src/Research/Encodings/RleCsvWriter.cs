using System.Globalization;

namespace Research.Encodings;

/// <summary>
/// Writes Kaggle RLE CSV rows: the header <c>ImageId,EncodedPixels</c> (plus <c>Height,Width</c> when sizes are
/// written), one row per object, LF line ends, fields quoted only when needed.
/// </summary>
public sealed class RleCsvWriter
{
    private readonly TextWriter _writer;
    private readonly bool _sizes;

    /// <summary>Writes the header to <paramref name="writer"/>; with <paramref name="sizes"/> rows also carry Height and Width.</summary>
    public RleCsvWriter(TextWriter writer, bool sizes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _sizes = sizes;
        _writer.Write(sizes ? "ImageId,EncodedPixels,Height,Width\n" : "ImageId,EncodedPixels\n");
    }

    /// <summary>Writes one row: an object's runs, or no runs for an image without objects.</summary>
    public void WriteRow(string imageId, IEnumerable<RleRun> runs, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(imageId);
        _writer.Write(CsvRecords.Quote(imageId));
        _writer.Write(',');
        _writer.Write(KaggleRle.Format(runs));
        if (_sizes)
        {
            _writer.Write(',');
            _writer.Write(height.ToString(CultureInfo.InvariantCulture));
            _writer.Write(',');
            _writer.Write(width.ToString(CultureInfo.InvariantCulture));
        }
        _writer.Write('\n');
    }
}
