using Research.Imaging;
using Research.Randomness;

namespace Research.Datasets.Synthetic;

/// <summary>
/// Generates the embedded <c>synthetic-nuclei</c> dataset: fluorescence-like images of nuclei with exact instance labels.
/// <para>
/// Per image, from a generator seeded by (seed, image index) so that image i does not depend on how many are made:
/// 15-40 nuclei per 256 x 256 px (scaled with area); each an ellipse of equivalent radius 5-14 px (log-uniform),
/// axis ratio 0.55-1, random orientation, outline perturbed by 2nd and 3rd harmonics (up to 8 % and 5 %), brightness
/// 0.35-0.9; 45 % placed around 1-3 cluster centres so that neighbours touch. Where nuclei overlap, each pixel goes to
/// the nucleus whose normalised distance is smallest, so touching nuclei keep distinct labels; a label's stray pieces
/// are removed so that every object is one 4-connected piece, and objects under 12 px are dropped.
/// </para>
/// <para>
/// Rendering: a dim background (0.02-0.07) with a linear illumination gradient and low-frequency variation; nuclei
/// brighter towards the centre, with a smooth texture and fine chromatin-like grain; a Gaussian blur (sigma 0.7-1.4 px);
/// Poisson shot noise (80-400 photons per unit intensity) and Gaussian read noise (sigma 0.004); quantised to 8 or 16 bits.
/// </para>
/// </summary>
public sealed class SyntheticNucleiGenerator
{
    /// <summary>The dataset id used in manifests and on the command line.</summary>
    public const string DatasetId = "synthetic-nuclei";

    /// <summary>Version of the generator's algorithm; it changes whenever the same seed would give other images.</summary>
    public const int AlgorithmVersion = 1;

    private readonly SyntheticNucleiOptions _options;

    /// <summary>Creates a generator; invalid options throw an <see cref="InputException"/>.</summary>
    public SyntheticNucleiGenerator(SyntheticNucleiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The options in use.</summary>
    public SyntheticNucleiOptions Options => _options;

    /// <summary>The id of image <paramref name="index"/>: <c>synth-0000</c>, <c>synth-0001</c>, ...</summary>
    public static string IdOf(int index) => $"synth-{index:D4}";

    /// <summary>All <see cref="SyntheticNucleiOptions.Count"/> samples, lazily, in order.</summary>
    public IEnumerable<SyntheticSample> GenerateAll()
    {
        for (int i = 0; i < _options.Count; i++) yield return Generate(i);
    }

    /// <summary>Generates image <paramref name="index"/> (0-based); the result depends only on the options' seed, size, depth and shape settings.</summary>
    public SyntheticSample Generate(int index)
    {
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, "Index must be zero or positive.");
        var rng = SeededRandom.Derive(_options.Seed, (ulong)index);
        int size = _options.Size;
        List<Nucleus> nuclei = PlaceNuclei(rng, size);
        var (labels, distance, brightness) = AssignPixels(nuclei, size);
        int count = brightness.Length - 1;
        float[] intensity = NucleusRenderer.Render(rng, labels, distance, brightness, size);
        IImage image = NucleusRenderer.Quantise(rng, intensity, size, _options.Depth);
        var labelImage = new Image<ushort>(size, size, 1);
        for (int i = 0; i < labels.Length; i++) labelImage.Data[i] = (ushort)labels[i];
        return new SyntheticSample(IdOf(index), image, labelImage, count);
    }

    private List<Nucleus> PlaceNuclei(SeededRandom rng, int size)
    {
        double areaScale = size * (double)size / (256.0 * 256.0);
        int target = (int)Math.Round(rng.NextInt(_options.MinNucleiPer256, _options.MaxNucleiPer256 + 1) * areaScale);
        int clusterCount = rng.NextInt(1, 4);
        var clusters = new (double X, double Y)[clusterCount];
        for (int c = 0; c < clusterCount; c++) clusters[c] = (rng.Uniform(0.15, 0.85) * size, rng.Uniform(0.15, 0.85) * size);
        double spread = 1.8 * Math.Sqrt(_options.MinRadius * _options.MaxRadius);

        var nuclei = new List<Nucleus>(target);
        for (int n = 0; n < target; n++)
        {
            for (int attempt = 0; attempt < 20; attempt++)
            {
                double x, y;
                if (rng.Chance(_options.ClusterFraction))
                {
                    var centre = clusters[rng.NextInt(0, clusterCount)];
                    x = rng.Normal(centre.X, spread);
                    y = rng.Normal(centre.Y, spread);
                }
                else
                {
                    x = rng.Uniform(0, size);
                    y = rng.Uniform(0, size);
                }
                if (x < 0 || y < 0 || x >= size || y >= size) continue;
                var candidate = Nucleus.Draw(rng, x, y, _options.MinRadius, _options.MaxRadius);
                if (nuclei.Exists(candidate.Crowds)) continue;
                nuclei.Add(candidate);
                break;
            }
        }
        return nuclei;
    }

    /// <summary>
    /// Gives each pixel to the nearest covering nucleus, cleans stray pieces, drops small objects and numbers the rest
    /// 1..n in creation order. Returns the labels, the normalised distances and the brightness of each final label
    /// (index 0 unused).
    /// </summary>
    private (int[] Labels, float[] Distance, double[] Brightness) AssignPixels(List<Nucleus> nuclei, int size)
    {
        var (labels, distance) = NucleusRenderer.Paint(nuclei, size);
        var area = new int[nuclei.Count + 1];
        foreach (int label in labels) area[label]++;
        var renumber = new int[nuclei.Count + 1];
        var brightness = new List<double> { 0 };
        for (int k = 1; k <= nuclei.Count; k++)
        {
            if (area[k] < _options.MinObjectArea) continue;
            renumber[k] = brightness.Count;
            brightness.Add(nuclei[k - 1].Brightness);
        }
        for (int i = 0; i < labels.Length; i++) labels[i] = renumber[labels[i]];
        return (labels, distance, brightness.ToArray());
    }
}
