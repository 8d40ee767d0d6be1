using Research.Imaging;
using Research.Processing;

namespace Research.Tests.Processing;

/// <summary>Normalisation and gamma on hand-computed cases.</summary>
public sealed class IntensityTests
{
    private static Image<byte> Row(params byte[] v) => new(v.Length, 1, 1, v);

    [Fact]
    public void Min_max_maps_the_range_to_0_1()
    {
        var n = Normalization.Apply(Row(10, 20, 30, 50), NormalizationMethod.MinMax);
        Assert.Equal([0f, 0.25f, 0.5f, 1f], n.Data); // (v - 10) / 40
        Assert.All(Normalization.Apply(Row(7, 7), NormalizationMethod.MinMax).Data, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Z_score_uses_the_population_standard_deviation()
    {
        // mean 3, population variance (4 + 1 + 0 + 1 + 4) / 5 = 2
        var n = Normalization.Apply(Row(1, 2, 3, 4, 5), NormalizationMethod.ZScore);
        Assert.Equal(-2 / Math.Sqrt(2), n.Data[0], 5);
        Assert.Equal(0, n.Data[2], 6);
        Assert.Equal(1 / Math.Sqrt(2), n.Data[3], 5);
    }

    [Fact]
    public void Percentile_clip_and_scale_follows_numpy_linear_percentiles()
    {
        // values 0..99: np.percentile(v, 0.5) = 0.005 * 99 = 0.495, np.percentile(v, 99.5) = 98.505
        var values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        Assert.Equal(0.495f, Normalization.Percentile(values, 0.5), 4);
        Assert.Equal(98.505f, Normalization.Percentile(values, 99.5), 3);
        var image = new Image<float>(100, 1, 1, values);
        var n = Normalization.Apply(image, NormalizationMethod.Percentile);
        Assert.Equal(0f, n.Data[0]);
        Assert.Equal(1f, n.Data[99]);
        Assert.Equal((50 - 0.495) / (98.505 - 0.495), n.Data[50], 5);
        Assert.Throws<InputException>(() => Normalization.Apply(image, NormalizationMethod.Percentile, 60, 40));
    }

    [Fact]
    public void Gamma_uses_a_rounded_power_table()
    {
        // 255 * (128 / 255)^2 = 64.25 -> 64; 255 * (128 / 255)^0.5 = 180.67 -> 181
        Assert.Equal([0, 64, 255], Gamma.Apply(Row(0, 128, 255), 2.0).Data);
        Assert.Equal([0, 181, 255], Gamma.Apply(Row(0, 128, 255), 0.5).Data);
        Assert.Equal(Row(3, 99).Data, Gamma.Apply(Row(3, 99), 1.0).Data);
        Assert.Throws<InputException>(() => Gamma.Apply(Row(1), 0));
    }
}
