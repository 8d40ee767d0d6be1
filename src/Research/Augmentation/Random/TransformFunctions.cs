using Research.Imaging;
using Research.Processing;
using Research.Randomness;

namespace Research.Augmentation.Random;

/// <summary>
/// The functional core of the random transforms: applies drawn parameters (an <see cref="AppliedTransform"/>) to a
/// sample. Deterministic: the same parameters always give the same result, which is what replay relies on.
/// </summary>
public static class TransformFunctions
{
    /// <summary>Applies <paramref name="applied"/> to <paramref name="sample"/> (unchanged when it was skipped).</summary>
    public static AugmentationSample Apply(AugmentationSample sample, AppliedTransform applied)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(applied);
        if (!applied.Applied) return sample;
        var p = applied.Parameters;
        double Get(string key) => p.TryGetValue(key, out double v) ? v
            : throw new InputException($"Transform '{applied.Name}': the parameter '{key}' is missing; it needs {string.Join(", ", TransformRegistry.ParameterNames(applied.Name))}.");
        int w = sample.Image.Width, h = sample.Image.Height;
        return applied.Name switch
        {
            "d4" => D4(sample, (int)Get("k")),
            "rotate" => Affine(sample, Warp.InverseAffine(w, h, Get("degrees"), 1, 0, 0, 0)),
            "affine" => Affine(sample, Warp.InverseAffine(w, h, Get("degrees"), Get("scale"), Get("shear"), Get("tx"), Get("ty"))),
            "elastic" => Elastic(sample, Get("alpha"), Get("sigma"), (ulong)Get("seed")),
            "brightness" => Intensity(sample, v => v + (float)Get("delta")),
            "contrast" => Contrast(sample, Get("factor")),
            "gamma" => Intensity(sample, v => (float)Math.Pow(Math.Max(v, 0f), Get("gamma"))),
            "blur" => Blur(sample, Get("sigma")),
            "noise" => Noise(sample, Get("sigma"), (ulong)Get("seed")),
            _ => throw TransformRegistry.Unknown(applied.Name),
        };
    }

    /// <summary>Rotation/flip k = quarter turns x 2 + flip, exactly as the fold scheme moves pixels.</summary>
    public static AugmentationSample D4(AugmentationSample sample, int k)
    {
        if (k is < 0 or > 7) throw new InputException($"Transform 'd4': k must be 0 to 7, got {k}.");
        var fold = new Fold(k, k / 2, k % 2 == 1, ShiftAxis.None, 0);
        return new AugmentationSample(FoldGeometry.Apply(sample.Image, fold), Geometric(sample.Mask, m => FoldAny(m, fold)), Geometric(sample.Labels, m => FoldAny(m, fold)));
    }

    private static IImage FoldAny(IImage image, Fold fold) => image switch
    {
        Image<byte> b => FoldGeometry.Apply(b, fold),
        Image<ushort> s => FoldGeometry.Apply(s, fold),
        Image<int> n => FoldGeometry.Apply(n, fold),
        Image<float> f => FoldGeometry.Apply(f, fold),
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };

    private static IImage? Geometric(IImage? image, Func<IImage, IImage> apply) => image is null ? null : apply(image);

    private static AugmentationSample Affine(AugmentationSample sample, double[] inverse) => new(
        Warp.AffineBilinear(sample.Image, inverse), Geometric(sample.Mask, m => Warp.AffineNearest(m, inverse)), Geometric(sample.Labels, m => Warp.AffineNearest(m, inverse)));

    private static AugmentationSample Elastic(AugmentationSample sample, double alpha, double sigma, ulong seed)
    {
        int w = sample.Image.Width, h = sample.Image.Height;
        var random = new SeededRandom(seed);
        var dx = new float[w * h];
        var dy = new float[w * h];
        for (int i = 0; i < dx.Length; i++)
        {
            dx[i] = (float)random.Uniform(-1, 1);
            dy[i] = (float)random.Uniform(-1, 1);
        }
        GaussianBlur.Apply(dx, w, h, sigma);
        GaussianBlur.Apply(dy, w, h, sigma);
        for (int i = 0; i < dx.Length; i++)
        {
            dx[i] *= (float)alpha;
            dy[i] *= (float)alpha;
        }
        var map = Warp.Field(dx, dy, w);
        return new AugmentationSample(Warp.Map(sample.Image, map, nearest: false), Geometric(sample.Mask, m => Warp.MapAny(m, map)), Geometric(sample.Labels, m => Warp.MapAny(m, map)));
    }

    private static AugmentationSample Intensity(AugmentationSample sample, Func<float, float> f)
    {
        var image = sample.Image;
        return sample with { Image = new Image<float>(image.Width, image.Height, image.Channels, Array.ConvertAll(image.Data, v => f(v))) };
    }

    private static AugmentationSample Contrast(AugmentationSample sample, double factor)
    {
        double mean = sample.Image.Data.Average(v => (double)v);
        return Intensity(sample, v => (float)((v - mean) * factor + mean));
    }

    private static AugmentationSample Blur(AugmentationSample sample, double sigma)
    {
        var image = sample.Image.Clone();
        int c = image.Channels, n = image.Width * image.Height;
        var plane = new float[n];
        for (int k = 0; k < c; k++)
        {
            for (int i = 0; i < n; i++) plane[i] = image.Data[i * c + k];
            GaussianBlur.Apply(plane, image.Width, image.Height, sigma);
            for (int i = 0; i < n; i++) image.Data[i * c + k] = plane[i];
        }
        return sample with { Image = image };
    }

    private static AugmentationSample Noise(AugmentationSample sample, double sigma, ulong seed)
    {
        var random = new SeededRandom(seed);
        return Intensity(sample, v => v + (float)(random.Normal() * sigma));
    }
}
