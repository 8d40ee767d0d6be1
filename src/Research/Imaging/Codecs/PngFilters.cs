namespace Research.Imaging.Codecs;

/// <summary>
/// The five PNG row filters (none, sub, up, average, Paeth) over bytes, with <c>bpp</c> the bytes per
/// complete pixel (at least 1). <c>prior</c> is the previous unfiltered row, all zero for the first row.
/// </summary>
internal static class PngFilters
{
    /// <summary>Undoes filter <paramref name="type"/> on <paramref name="row"/> in place.</summary>
    public static void Unfilter(int type, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        switch (type)
        {
            case 0: break;
            case 1: for (int i = bpp; i < row.Length; i++) row[i] += row[i - bpp]; break;
            case 2: for (int i = 0; i < row.Length; i++) row[i] += prior[i]; break;
            case 3:
                for (int i = 0; i < row.Length; i++) row[i] += (byte)(((i >= bpp ? row[i - bpp] : 0) + prior[i]) >> 1);
                break;
            case 4:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += Paeth(i >= bpp ? row[i - bpp] : (byte)0, prior[i], i >= bpp ? prior[i - bpp] : (byte)0);
                }
                break;
            default: throw new InvalidDataException($"unknown PNG row filter type {type}");
        }
    }

    /// <summary>Writes filter <paramref name="type"/> of <paramref name="row"/> into <paramref name="output"/>.</summary>
    public static void Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int bpp, Span<byte> output)
    {
        for (int i = 0; i < row.Length; i++)
        {
            byte left = i >= bpp ? row[i - bpp] : (byte)0;
            byte upLeft = i >= bpp ? prior[i - bpp] : (byte)0;
            output[i] = type switch
            {
                0 => row[i],
                1 => (byte)(row[i] - left),
                2 => (byte)(row[i] - prior[i]),
                3 => (byte)(row[i] - ((left + prior[i]) >> 1)),
                _ => (byte)(row[i] - Paeth(left, prior[i], upLeft)),
            };
        }
    }

    /// <summary>The sum of the filtered bytes read as signed values' magnitudes: the usual adaptive-filter heuristic.</summary>
    public static long Cost(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (byte b in filtered) sum += Math.Abs((int)(sbyte)b);
        return sum;
    }

    private static byte Paeth(byte a, byte b, byte c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
