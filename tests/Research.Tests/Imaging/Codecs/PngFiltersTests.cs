using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Imaging.Codecs;

namespace Research.Tests.Imaging.Codecs;

/// <summary>The row filters against a literal transcription of the PNG specification (section 9.2-9.4).</summary>
public sealed class PngFiltersTests
{
    [Property(MaxTest = 300)]
    public Property Filters_follow_the_specification_and_unfilter_inverts_them(NonEmptyArray<byte> rowValues, byte seed, PositiveInt bppSeed)
    {
        byte[] row = rowValues.Get;
        int bpp = 1 + bppSeed.Get % 8;
        var prior = row.Select((v, i) => (byte)(v * 31 + i * seed)).ToArray();
        for (int type = 0; type < 5; type++)
        {
            var filtered = new byte[row.Length];
            PngFilters.Filter(type, row, prior, bpp, filtered);
            for (int i = 0; i < row.Length; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
                int predictor = type switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => SpecPaeth(a, b, c) };
                if (filtered[i] != (byte)(row[i] - predictor)) return false.Label($"type {type} byte {i}");
            }
            PngFilters.Unfilter(type, filtered, prior, bpp);
            if (!filtered.AsSpan().SequenceEqual(row)) return false.Label($"unfilter type {type}");
        }
        return true.ToProperty();
    }

    [Fact]
    public void Paeth_ties_prefer_a_then_b()
    {
        // a=10, b=20, c=10: p=20, pa=10, pb=0, pc=10 -> b (20). a=4, b=8, c=6: p=6, pa=2, pb=2, pc=0 -> c (6).
        // a=3, b=9, c=5: p=7, pa=4, pb=2, pc=2 -> tie between b and c goes to b (9).
        Assert.Equal(20, SpecPaeth(10, 20, 10));
        Assert.Equal(6, SpecPaeth(4, 8, 6));
        Assert.Equal(9, SpecPaeth(3, 9, 5));
        var filtered = new byte[2];
        PngFilters.Filter(4, [3, 100], [5, 9], 1, filtered); // second byte: a=3, b=9, c=5 -> predictor 9
        Assert.Equal((byte)(100 - 9), filtered[1]);
    }

    private static int SpecPaeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        if (pb <= pc) return b;
        return c;
    }
}
