using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Research.Augmentation;
using Research.Imaging;


namespace Research.Tests.Augmentation;

/// <summary>
/// The 113 folds of a 13 x 9 image with distinct values against NumPy's rot90/fliplr/roll
/// (tests/reference/make_fold_fixtures.py wrote Fixtures/folds113-13x9.json).
/// </summary>
public sealed class FoldGoldenTests
{
    private static readonly JsonElement Golden = JsonDocument.Parse(
        File.ReadAllText(TestSupport.Repository.PathOf("tests/Research.Tests/Augmentation/Fixtures/folds113-13x9.json"))).RootElement;

    private static Image<ushort> Source()
    {
        int w = Golden.GetProperty("width").GetInt32(), h = Golden.GetProperty("height").GetInt32();
        var image = new Image<ushort>(w, h);
        for (int i = 0; i < w * h; i++) image.Data[i] = (ushort)(i + 1); // a[y, x] = y * 13 + x + 1
        return image;
    }

    private static string Hash(ReadOnlySpan<ushort> samples)
    {
        Assert.True(BitConverter.IsLittleEndian);
        return Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(samples)));
    }

    [Fact]
    public void Fold_list_matches_the_golden_parameters_and_shifts()
    {
        var folds = FoldSchemes.Folds(AugmentationScheme.Fold113);
        var records = Golden.GetProperty("folds").EnumerateArray().ToList();
        Assert.Equal(113, folds.Count);
        Assert.Equal(113, records.Count);
        for (int i = 0; i < 113; i++)
        {
            var r = records[i];
            Assert.Equal(r.GetProperty("fold").GetInt32(), folds[i].Index);
            Assert.Equal(r.GetProperty("rotation").GetInt32(), folds[i].RotationDegrees);
            Assert.Equal(r.GetProperty("flip").GetInt32() == 1, folds[i].Flip);
            Assert.Equal(r.GetProperty("axis").GetString(), folds[i].AxisName);
            Assert.Equal(r.GetProperty("k").GetInt32(), folds[i].Eighths);
            Assert.Equal(r.GetProperty("shift").GetInt32(), folds[i].ShiftPixels(13, 9));
        }
    }

    [Fact]
    public void Every_fold_from_the_reference_path_hashes_like_numpy()
    {
        var source = Source();
        foreach (var (record, fold) in Golden.GetProperty("folds").EnumerateArray().Zip(FoldSchemes.Folds(AugmentationScheme.Fold113)))
        {
            var image = FoldGeometry.Apply(source, fold);
            var shape = record.GetProperty("shape");
            Assert.Equal(shape[0].GetInt32(), image.Height);
            Assert.Equal(shape[1].GetInt32(), image.Width);
            Assert.True(record.GetProperty("sha256").GetString() == Hash(image.Data), $"{fold} differs from NumPy");
        }
    }

    [Fact]
    public void Every_fold_from_the_fast_path_hashes_like_numpy()
    {
        var stack = FoldExpansion.Expand(Source(), AugmentationScheme.Fold113);
        int i = 0;
        foreach (var record in Golden.GetProperty("folds").EnumerateArray())
        {
            Assert.True(record.GetProperty("sha256").GetString() == Hash(stack.Samples(i)), $"{stack.Folds[i]} differs from NumPy");
            i++;
        }
    }

    [Fact]
    public void Stored_full_folds_match_value_by_value()
    {
        var stack = FoldExpansion.Expand(Source(), AugmentationScheme.Fold113);
        int checkedFolds = 0;
        foreach (var record in Golden.GetProperty("folds").EnumerateArray())
        {
            if (!record.TryGetProperty("values", out var values)) continue;
            var image = stack.ToImage(record.GetProperty("fold").GetInt32());
            var rows = values.EnumerateArray().ToList();
            Assert.Equal(rows.Count, image.Height);
            for (int y = 0; y < image.Height; y++)
            {
                var expected = rows[y].EnumerateArray().Select(v => (ushort)v.GetInt32()).ToArray();
                Assert.Equal(expected, image.Row(y).ToArray());
            }
            checkedFolds++;
        }
        Assert.Equal(5, checkedFolds);
    }

    [Fact]
    public void D4_folds_are_the_unshifted_rotations_and_flips_of_the_113_scheme()
    {
        var source = Source();
        var d4 = FoldExpansion.Expand(source, AugmentationScheme.D4);
        Assert.Equal(8, d4.Folds.Count);
        // Fold 1 of the rotation/flip group (r, f) shifted by k = 8 eighths would be the identity roll, so compare with
        // the fold113 fold of the same rotation/flip rolled back: roll(fold, -shift) along its axis.
        foreach (var fold in FoldSchemes.Folds(AugmentationScheme.Fold113).Skip(1).Where(f => f.Eighths == 1 && f.Axis == ShiftAxis.X))
        {
            var shifted = FoldGeometry.Apply(source, fold);
            var back = new ushort[shifted.Data.Length];
            FoldGeometry.Roll<ushort>(shifted.Data, back, shifted.Width, shifted.Height, 1, ShiftAxis.X, -fold.ShiftPixels(13, 9));
            Assert.Equal(d4.Samples(fold.QuarterTurns * 2 + (fold.Flip ? 1 : 0)).ToArray(), back);
        }
        Assert.Equal(source.Data, d4.Samples(0).ToArray());
    }

    [Fact]
    public void Shift_scheme_refuses_images_under_8_px()
    {
        var e = Assert.Throws<InputException>(() => FoldExpansion.Expand(new Image<byte>(7, 20), AugmentationScheme.Fold113));
        Assert.Contains("7x20", e.Message, StringComparison.Ordinal);
        Assert.Contains("d4", e.Message, StringComparison.Ordinal);
        Assert.Equal(8, FoldExpansion.Expand(new Image<byte>(7, 3), AugmentationScheme.D4).Folds.Count);
    }

    [Fact]
    public void Unknown_scheme_lists_the_valid_ones()
    {
        var e = Assert.Throws<InputException>(() => FoldSchemes.Parse("fold42"));
        Assert.Contains("fold113, d4", e.Message, StringComparison.Ordinal);
        Assert.Equal(AugmentationScheme.D4, FoldSchemes.Parse("D4"));
    }
}
