using System.Buffers.Binary;
using System.IO.Compression;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;
using Research.Reproductions;

namespace Research.Tests.Bh2019;

/// <summary>The reproduction's library pieces on hand-made inputs.</summary>
public sealed class Bh2019LibraryTests
{
    [Fact]
    public void Amplification_summary_is_the_mean_and_sample_sd_over_seeds_in_setting_order()
    {
        AmplificationRun[] runs =
        [
            new("none", 42, 0, 0.80, 0.90, 0, 3), new("fold113", 42, 0, 0.90, 0.95, 0, 1),
            new("none", 43, 0, 0.84, 0.92, 0, 5), new("fold113", 43, 0, 0.94, 0.97, 0, 2),
        ];
        var table = Bh2019Results.Summarise(runs);
        Assert.Equal(["fold113", "none"], table.Select(t => t.Setting));
        Assert.Equal(0.92, table[0].IouMean, 12);
        Assert.Equal(Math.Sqrt(0.0008), table[0].IouSd!.Value, 12); // values 0.90, 0.94: deviations 0.02, sum of squares 0.0008 over n - 1 = 1
        Assert.Equal(4.0, table[1].BlankWithForeground, 12);
        Assert.Null(Bh2019Results.Summarise([runs[0]])[0].IouSd); // one seed has no spread, not a spread of 0
    }

    [Fact]
    public void The_amplification_figure_has_error_bars_only_when_a_setting_has_two_seeds()
    {
        AmplificationRun[] runs = [new("fold113", 42, 0, 0.90, 0.95, 0, 1), new("fold113", 43, 0, 0.94, 0.97, 0, 2)];
        string Trace(IReadOnlyList<AmplificationRun> r) => Bh2019Figures.Amplification(Bh2019Results.Summarise(r)).Json["data"]![0]!.ToJsonString();
        Assert.DoesNotContain("error_y", Trace([runs[0]]), StringComparison.Ordinal);
        Assert.Contains("error_y", Trace(runs), StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_published_results_load_with_the_golden_values()
    {
        var results = Bh2019Results.Load(TestSupport.Repository.PathOf(Bh2019Results.RepositoryFolder));
        using var golden = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestSupport.Repository.PathOf("tests/Research.Tests/Metrics/Fixtures/bh2019-published.json")));
        var published = Assert.IsType<Bh2019Evaluation>(results.Published);
        Assert.Equal(golden.RootElement.GetProperty("mean").GetProperty("iou").GetDouble(), published.Scores.IouMean, 12);
        Assert.Equal(golden.RootElement.GetProperty("micro").GetProperty("dice").GetDouble(), published.Scores.DiceMicro, 12);
        Assert.Equal(7, published.Images.Count);
        Assert.Equal("NepKid_12-000", published.Images[0].Id);
        // Our recipe and the amplification comparison appear once the quality scripts are run with RECORD=1.
        if (results.Ours is { } ours) Assert.Equal(published.Images.Select(i => i.Id), ours.Images.Select(i => i.Id));
        if (results.Amplification is { } runs) Assert.All(runs, r => Assert.Contains(r.Setting, new[] { "fold113", "random", "none" }));
    }

    [Fact]
    public void Agreement_overlay_colours_both_truth_only_prediction_only_and_leaves_background_grey()
    {
        var grey = new Image<byte>(4, 1, 1, [100, 100, 100, 100]);
        var truth = new Image<byte>(4, 1, 1, [255, 255, 0, 0]);
        var prediction = new Image<byte>(4, 1, 1, [1, 0, 7, 0]);
        var rgb = AgreementOverlay.Draw(grey, truth, prediction);
        byte B(double colour) => (byte)Math.Round(100 * (1 - AgreementOverlay.Opacity) + colour * AgreementOverlay.Opacity);
        Assert.Equal(new byte[] { B(0), B(200), B(0), B(30), B(90), B(255), B(255), B(40), B(40), 100, 100, 100 }, rgb.Data);
        Assert.Throws<InputException>(() => AgreementOverlay.Draw(grey, new Image<byte>(3, 1), prediction));
    }

    [Fact]
    public void Preprocessing_trace_lists_each_step_and_ends_in_the_unit_range()
    {
        var image = new Image<byte>(40, 30);
        for (int i = 0; i < image.Data.Length; i++) image.Data[i] = (byte)(i * 7 % 200 + 20);
        var trace = new Bh2019Preprocessing { Size = 16, ClipLimit = 3, Gamma = 0.8 }.Trace(image);
        Assert.Equal(["original 40x30", "resize 16x16 (area)", "CLAHE clip 3, 8x8 tiles", "gamma 0.8", "min-max to [0, 1] (training and prediction)"], trace.Select(t => t.Step));
        var last = Assert.IsType<Image<float>>(trace[^1].Image);
        Assert.Equal((16, 16), (last.Width, last.Height));
        Assert.Equal((0f, 1f), (last.Data.Min(), last.Data.Max()));
    }

    [Fact]
    public void Palette_png_reads_as_grey_when_every_entry_is_grey_and_as_rgb_otherwise()
    {
        using var temp = new Research.Tests.Imaging.Codecs.TempFolder();
        byte[] greyPalette = [0, 0, 0, 128, 128, 128, 255, 255, 255];
        var grey = (Image<byte>)ImageFile.Read(WriteIn(temp.Path, greyPalette, "grey.png"));
        Assert.Equal(1, grey.Channels);
        Assert.Equal([0, 128, 255], grey.Data);
        byte[] colourPalette = [0, 0, 0, 255, 0, 0, 255, 255, 255];
        var colour = (Image<byte>)ImageFile.Read(WriteIn(temp.Path, colourPalette, "colour.png"));
        Assert.Equal(3, colour.Channels);
        Assert.Equal([0, 0, 0, 255, 0, 0, 255, 255, 255], colour.Data);
    }

    /// <summary>A 3x1 8-bit palette PNG holding indices 0, 1, 2 (chunks written by hand) in <paramref name="folder"/>.</summary>
    private static string WriteIn(string folder, byte[] palette, string name)
    {
        using var file = new MemoryStream();
        file.Write(PngHeader.Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 3);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 1);
        ihdr[8] = 8;
        ihdr[9] = 3;
        Chunk(file, "IHDR", ihdr);
        Chunk(file, "PLTE", palette);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true)) z.Write([0, 0, 1, 2]);
            Chunk(file, "IDAT", raw.ToArray());
        }
        Chunk(file, "IEND", []);
        string path = Path.Combine(folder, $"bh2019-palette-{Guid.NewGuid():N}-{name}");
        File.WriteAllBytes(path, file.ToArray());
        return path;
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeBytes, data));
        stream.Write(word);
    }
}
