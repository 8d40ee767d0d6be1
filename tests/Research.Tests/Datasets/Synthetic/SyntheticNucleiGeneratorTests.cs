using System.Security.Cryptography;
using FsCheck.Xunit;
using Research.Datasets.Synthetic;
using Research.Imaging;
using Research.Processing.Labels;

namespace Research.Tests.Datasets.Synthetic;

public sealed class SyntheticNucleiGeneratorTests
{
    private static SyntheticNucleiGenerator Generator(ulong seed = 42, int size = 128, int count = 4, SampleDepth depth = SampleDepth.Eight) =>
        new(new SyntheticNucleiOptions { Seed = seed, Size = size, Count = count, Depth = depth });

    [Fact]
    public void The_same_seed_gives_identical_images_and_labels()
    {
        var first = Generator().GenerateAll().ToList();
        var second = Generator().GenerateAll().ToList();
        Assert.Equal(4, first.Count);
        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Id, second[i].Id);
            Assert.Equal(((Image<byte>)first[i].Image).Data, ((Image<byte>)second[i].Image).Data);
            Assert.Equal(first[i].Labels.Data, second[i].Labels.Data);
        }
    }

    [Fact]
    public void An_image_does_not_depend_on_how_many_are_generated()
    {
        var fromThree = Generator(count: 3).Generate(2);
        var fromTen = Generator(count: 10).GenerateAll().ElementAt(2);
        Assert.Equal("synth-0002", fromTen.Id);
        Assert.Equal(fromThree.Labels.Data, fromTen.Labels.Data);
    }

    [Fact]
    public void Different_seeds_give_different_images()
    {
        Assert.NotEqual(Generator(seed: 1).Generate(0).Labels.Data, Generator(seed: 2).Generate(0).Labels.Data);
    }

    [Fact]
    public void Pixels_match_the_pinned_hash_of_algorithm_version_1()
    {
        // Pinned for AlgorithmVersion 1 (seed 42, 64 px, 3 images). A deliberate change to the generator must bump
        // SyntheticNucleiGenerator.AlgorithmVersion and this hash together; an accidental one fails here.
        Assert.Equal(1, SyntheticNucleiGenerator.AlgorithmVersion);
        string hash8 = PixelHash(Generator(size: 64, count: 3));
        string hash16 = PixelHash(Generator(size: 64, count: 3, depth: SampleDepth.Sixteen));
        Assert.True(hash8 == PinnedHash8 && hash16 == PinnedHash16, $"pixel hashes changed: 8-bit {hash8}, 16-bit {hash16}");
    }

    private const string PinnedHash8 = "644EE2D4A6C3DBA8F5A32E280EE8FBE9DA5490E44BC9B32A867EC796D3A2418D";
    private const string PinnedHash16 = "6489376FDDF7B1F314324483D709A182F3217C11278E884EB0BE797603A1A873";

    [Fact]
    public void Every_label_is_one_four_connected_object_numbered_from_one()
    {
        foreach (var sample in Generator(count: 6).GenerateAll())
        {
            AssertValidLabels(sample);
        }
    }

    [Property(MaxTest = 15)]
    public void Labels_are_valid_for_any_seed(ulong seed)
    {
        var sample = Generator(seed: seed, size: 48, count: 1).Generate(0);
        AssertValidLabels(sample);
    }

    [Fact]
    public void Some_nuclei_touch_and_keep_distinct_labels()
    {
        int touchingPairs = 0;
        foreach (var sample in Generator(count: 8).GenerateAll())
        {
            var l = sample.Labels;
            for (int y = 0; y < l.Height; y++)
            {
                for (int x = 0; x + 1 < l.Width; x++)
                {
                    ushort a = l[x, y], b = l[x + 1, y];
                    if (a != 0 && b != 0 && a != b) touchingPairs++;
                }
            }
        }
        Assert.True(touchingPairs > 20, $"only {touchingPairs} horizontally touching pixel pairs in 8 images");
    }

    [Fact]
    public void Nuclei_are_brighter_than_the_background()
    {
        var sample = Generator().Generate(0);
        var image = (Image<byte>)sample.Image;
        double inside = 0, outside = 0;
        int nInside = 0, nOutside = 0;
        for (int i = 0; i < image.Data.Length; i++)
        {
            if (sample.Labels.Data[i] > 0) { inside += image.Data[i]; nInside++; }
            else { outside += image.Data[i]; nOutside++; }
        }
        Assert.True(nInside > 0 && nOutside > 0);
        Assert.True(inside / nInside > 3 * (outside / nOutside), $"inside mean {inside / nInside:F1}, outside mean {outside / nOutside:F1}");
    }

    [Fact]
    public void Sixteen_bit_images_use_the_full_range_not_multiples_of_257()
    {
        var image = (Image<ushort>)Generator(depth: SampleDepth.Sixteen).Generate(0).Image;
        Assert.Contains(image.Data, v => v > 255);
        Assert.Contains(image.Data, v => v % 257 != 0);
    }

    [Theory]
    [InlineData(31, 4, "--size")]
    [InlineData(64, 0, "--count")]
    [InlineData(64, -3, "--count")]
    public void Invalid_options_are_input_errors_naming_the_option(int size, int count, string option)
    {
        var error = Assert.Throws<InputException>(() => new SyntheticNucleiGenerator(new SyntheticNucleiOptions { Size = size, Count = count }));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    private static void AssertValidLabels(SyntheticSample sample)
    {
        var labels = sample.Labels.Data.Select(v => (int)v).ToArray();
        int max = labels.Max();
        Assert.Equal(sample.ObjectCount, max);
        Assert.True(max > 0, $"{sample.Id} has no objects");
        var pieces = LabelComponents.PiecesPerLabel(labels, sample.Labels.Width, sample.Labels.Height, Connectivity.Four);
        Assert.Equal(Enumerable.Range(1, max), pieces.Keys.Order());
        Assert.All(pieces, p => Assert.True(p.Value == 1, $"{sample.Id}: label {p.Key} has {p.Value} pieces"));
    }

    private static string PixelHash(SyntheticNucleiGenerator generator)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sample in generator.GenerateAll())
        {
            sha.AppendData(sample.Image switch
            {
                Image<byte> b => b.AsBytes(),
                Image<ushort> s => s.AsBytes(),
                _ => throw new InvalidOperationException(),
            });
            sha.AppendData(sample.Labels.AsBytes());
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
