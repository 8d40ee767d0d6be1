using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Augmentation.Random;
using Research.Imaging;
using Research.Randomness;

namespace Research.Tests.Augmentation.Random;

public sealed class RandomPipelineTests
{
    private static AugmentationSample Sample(int w = 24, int h = 17, ulong seed = 1)
    {
        var rng = new SeededRandom(seed);
        var image = new Image<float>(w, h, 2);
        for (int i = 0; i < image.Data.Length; i++) image.Data[i] = (float)rng.NextDouble();
        var mask = new Image<byte>(w, h);
        var labels = new Image<ushort>(w, h);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                labels[x, y] = (ushort)(x / 6 + 10 * (y / 5));
                mask[x, y] = labels[x, y] % 3 == 0 ? (byte)0 : (byte)255;
            }
        }
        return new AugmentationSample(image, mask, labels);
    }

    private static RandomPipeline Everything() => new([.. TransformRegistry.Names.Select(TransformRegistry.Create)]);

    public static TheoryData<string> Names() => [.. TransformRegistry.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_registered_transform_draws_its_parameters_and_keeps_mask_and_label_values(string name)
    {
        var transform = TransformRegistry.Create(name);
        transform.Validate();
        var sample = Sample();
        var pipeline = new RandomPipeline([transform]);
        var result = pipeline.Apply(sample, new SeededRandom(7));
        Assert.Equal(TransformRegistry.ParameterNames(name).Order(), result.Applied[0].Parameters.Keys.Order());
        var labels = ((Image<ushort>)sample.Labels!).Data.Append((ushort)0).ToHashSet();
        Assert.Subset(labels, ((Image<ushort>)result.Sample.Labels!).Data.ToHashSet());
        Assert.Subset(new HashSet<byte> { 0, 255 }, ((Image<byte>)result.Sample.Mask!).Data.ToHashSet());
        Assert.Equal(result.Sample.Image.Width, result.Sample.Labels!.Width);
    }

    [Fact]
    public void Replay_from_the_recorded_parameters_gives_the_same_result_even_through_json()
    {
        var sample = Sample();
        var result = Everything().Apply(sample, new SeededRandom(42));
        var replayed = RandomPipeline.Replay(sample, result.Applied);
        Assert.Equal(result.Sample.Image.Data, replayed.Image.Data);
        Assert.Equal(((Image<ushort>)result.Sample.Labels!).Data, ((Image<ushort>)replayed.Labels!).Data);

        string json = JsonSerializer.Serialize(result.Applied);
        var back = JsonSerializer.Deserialize<List<AppliedTransform>>(json)!;
        Assert.Equal(result.Sample.Image.Data, RandomPipeline.Replay(sample, back).Image.Data);
        Assert.Equal(((Image<byte>)result.Sample.Mask!).Data, ((Image<byte>)RandomPipeline.Replay(sample, back).Mask!).Data);
    }

    [Fact]
    public void Same_seed_same_result_other_seed_other_result()
    {
        var sample = Sample();
        var a = Everything().Apply(sample, new SeededRandom(3)).Sample.Image.Data;
        var b = Everything().Apply(sample, new SeededRandom(3)).Sample.Image.Data;
        var c = Everything().Apply(sample, new SeededRandom(4)).Sample.Image.Data;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Json_round_trip_keeps_every_option()
    {
        var pipeline = new RandomPipeline([new RotateTransform { MaxDegrees = 30, Probability = 0.5 }, new NoiseTransform { MaxSigma = 0.2 }, new D4Transform()]);
        string json = pipeline.ToJson();
        Assert.Contains("\"max_degrees\": 30", json, StringComparison.Ordinal);
        var back = RandomPipeline.FromJson(json);
        Assert.Equal(pipeline.Transforms, back.Transforms);
        Assert.Equal(json, back.ToJson());
        var all = Everything();
        Assert.Equal(all.Transforms, RandomPipeline.FromJson(all.ToJson()).Transforms);
    }

    [Theory]
    [InlineData("""{"transforms": [{"name": "spin"}]}""", "Unknown transform 'spin'; valid transforms: d4, rotate, affine")]
    [InlineData("""{"transforms": [{"name": "rotate", "max_degree": 3}]}""", "transforms[0] ('rotate'): unknown key \"max_degree\"; valid keys: name, probability, max_degrees")]
    [InlineData("""{"transforms": [{"name": "blur"}, {"name": "rotate", "max_degrees": "big"}]}""", "transforms[1] ('rotate'): invalid value at $.max_degrees")]
    [InlineData("""{"transforms": [{"name": "gamma", "min_gamma": 2, "max_gamma": 1}]}""", "min_gamma (2) must not exceed max_gamma (1)")]
    [InlineData("""{"transforms": [{"probability": 1}]}""", "the key \"name\" is missing")]
    [InlineData("""{"steps": []}""", "\"transforms\"")]
    [InlineData("""{"transforms": [""", "not valid JSON")]
    public void Invalid_json_names_the_bad_key(string json, string expected)
    {
        var e = Assert.Throws<InputException>(() => RandomPipeline.FromJson(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 20)]
    public Property Geometric_transforms_never_create_label_values(PositiveInt seed, PositiveInt which)
    {
        string[] geometric = ["d4", "rotate", "affine", "elastic"];
        var sample = Sample(19, 23, (ulong)seed.Get);
        var result = new RandomPipeline([TransformRegistry.Create(geometric[which.Get % 4])]).Apply(sample, new SeededRandom((ulong)seed.Get));
        var allowed = ((Image<ushort>)sample.Labels!).Data.Append((ushort)0).ToHashSet();
        return ((Image<ushort>)result.Sample.Labels!).Data.All(allowed.Contains).ToProperty();
    }

    [Fact]
    public void A_rotation_by_90_degrees_moves_labels_like_the_d4_quarter_turn()
    {
        // Square image: rotating by +90 degrees about the centre with nearest neighbour lands exactly on the pixel grid.
        var sample = Sample(16, 16);
        var rotated = TransformFunctions.Apply(sample, new AppliedTransform("rotate", true, new Dictionary<string, double> { ["degrees"] = 90 }));
        var quarter = TransformFunctions.D4(sample, 2);
        Assert.Equal(((Image<ushort>)quarter.Labels!).Data, ((Image<ushort>)rotated.Labels!).Data);
    }
}
