using System.Globalization;
using System.Text;

namespace Research.Torch.Inference;

/// <summary>
/// Kaggle DSB2018 run-length encoding of one object: pixels numbered 1.. top to bottom, then left to right
/// (column-major), written as "start length" pairs separated by spaces.
/// PRIVATE STAND-IN: replace with <c>Research.Encoding.KaggleRle</c> from the encodings work when merged.
/// </summary>
internal static class KaggleRunLength
{
    /// <summary>The encoding of the pixels where <paramref name="labels"/> equals <paramref name="label"/>.</summary>
    public static string Encode(int[] labels, int width, int height, int label)
    {
        var text = new StringBuilder();
        int start = -1, length = 0;
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++)
            {
                int position = x * height + y + 1;
                if (labels[y * width + x] == label)
                {
                    if (length == 0) start = position;
                    length++;
                }
                else if (length > 0)
                {
                    Append(text, start, length);
                    length = 0;
                }
            }
        }
        if (length > 0) Append(text, start, length);
        return text.ToString();
    }

    private static void Append(StringBuilder text, int start, int length)
    {
        if (text.Length > 0) text.Append(' ');
        text.Append(start.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(length.ToString(CultureInfo.InvariantCulture));
    }
}
