using System.Security.Cryptography;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Synthetic;
using Research.Datasets.Validation;
using Research.Encodings;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Metrics;
using Research.Tests.Datasets.Layouts;

namespace Research.Tests.Datasets.Synthetic;

public sealed class SyntheticTimelapseTests
{
    private static readonly SyntheticTimelapseOptions Small = new() { Count = 24, Size = 128, Seed = 3 };

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_another_seed_other_files()
    {
        using var a = new MiniData();
        using var b = new MiniData();
        using var c = new MiniData();
        SyntheticTimelapseWriter.Write(Small with { Depth = SampleDepth.Sixteen }, a.Root);
        SyntheticTimelapseWriter.Write(Small with { Depth = SampleDepth.Sixteen }, b.Root);
        SyntheticTimelapseWriter.Write(Small with { Depth = SampleDepth.Sixteen, Seed = 4 }, c.Root);
        var first = HashTree(a.Root);
        Assert.Equal(3 * Small.Count + 2, first.Count);
        Assert.Equal(first, HashTree(b.Root));
        Assert.NotEqual(first["01/t000.tif"], HashTree(c.Root)["01/t000.tif"]);
        Assert.Equal(PixelType.UInt16, ImageFile.Read(a.PathOf("01/t000.tif")).PixelType);
    }

    [Fact]
    public void Man_track_agrees_with_every_tra_and_seg_frame_and_daughters_follow_their_parent()
    {
        using var data = new MiniData();
        var index = SyntheticTimelapseWriter.Write(Small, data.Root);
        var tracks = CtcTrack.ReadAll(data.PathOf("01_GT/TRA/man_track.txt")).ToDictionary(t => t.Label);
        Assert.Equal(index.Tracks, tracks.Count);
        var seen = new Dictionary<int, (int First, int Last)>();
        for (int t = 0; t < Small.Count; t++)
        {
            var markers = ImageFile.Read<ushort>(data.PathOf($"01_GT/TRA/man_track{t:D3}.tif"));
            var seg = ImageFile.Read<ushort>(data.PathOf($"01_GT/SEG/man_seg{t:D3}.tif"));
            Assert.Equal(markers.Data, seg.Data);
            var present = markers.Data.Where(v => v != 0).Select(v => (int)v).ToHashSet();
            var alive = tracks.Values.Where(k => k.Begin <= t && t <= k.End).Select(k => k.Label).ToHashSet();
            Assert.True(alive.SetEquals(present), $"frame {t}: labels {string.Join(",", present.Order())}, alive per man_track.txt {string.Join(",", alive.Order())}");
            foreach (int label in present) seen[label] = seen.TryGetValue(label, out var span) ? (span.First, t) : (t, t);
        }
        foreach (var track in tracks.Values)
        {
            Assert.Equal((track.Begin, track.End), seen[track.Label]);
            if (track.Parent == 0)
            {
                Assert.Equal(0, track.Begin);
                continue;
            }
            Assert.Equal(track.Begin - 1, tracks[track.Parent].End);
        }
        // Every division gives exactly two daughters, and divisions happen for this seed.
        var daughters = tracks.Values.Where(k => k.Parent != 0).GroupBy(k => k.Parent).ToList();
        Assert.All(daughters, g => Assert.Equal(2, g.Count()));
        Assert.True(daughters.Count >= 3, $"only {daughters.Count} divisions in {Small.Count} frames of seed {Small.Seed}");
        Assert.Equal(index.Divisions, daughters.Count);
    }

    [Fact]
    public void An_independent_python_reader_finds_the_ctc_truth_consistent()
    {
        // tests/reference/check_ctc_truth.py reads the files with Pillow and NumPy and checks the CTC definitions itself.
        using var data = new MiniData();
        var index = SyntheticTimelapseWriter.Write(Small with { Seed = 8 }, data.Root);
        var (code, output) = TestSupport.ReferenceScript.Run("check_ctc_truth.py", data.Root, "01");
        Assert.True(code == 0, output);
        using var result = System.Text.Json.JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.True(root.GetProperty("problems").GetArrayLength() == 0, output);
        Assert.Equal(Small.Count, root.GetProperty("frames").GetInt32());
        Assert.Equal(index.Tracks, root.GetProperty("tracks").GetInt32());
        Assert.Equal(index.Divisions, root.GetProperty("divisions").GetInt32());
        Assert.True(index.Divisions > 0, $"no division for seed {Small.Seed}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(17UL)]
    [InlineData(12345UL)]
    public void Nuclei_never_crowd_one_another_and_move(ulong seed)
    {
        var simulation = SyntheticTimelapse.Simulate(new SyntheticTimelapseOptions { Count = 40, Size = 160, Seed = seed });
        Assert.Equal(40, simulation.Frames.Count);
        foreach (var frame in simulation.Frames)
        {
            Assert.Equal(frame.Select(n => n.Track).Order(), frame.Select(n => n.Track));
            for (int i = 0; i < frame.Count; i++)
            {
                for (int j = i + 1; j < frame.Count; j++) Assert.False(frame[i].Nucleus.Crowds(frame[j].Nucleus), $"tracks {frame[i].Track} and {frame[j].Track} crowd");
            }
        }
        var first = simulation.Frames[0].ToDictionary(n => n.Track, n => n.Nucleus);
        var later = simulation.Frames[5].Where(n => first.ContainsKey(n.Track)).ToList();
        Assert.Contains(later, n => Math.Abs(n.Nucleus.CenterX - first[n.Track].CenterX) + Math.Abs(n.Nucleus.CenterY - first[n.Track].CenterY) > 3);
        Assert.NotEmpty(simulation.Parents);
    }

    [Fact]
    public void The_ctc_reader_reads_it_with_the_manifest_and_validation_passes()
    {
        using var data = new MiniData();
        var index = SyntheticTimelapseWriter.Write(Small with { Count = 6 }, data.Root);
        DatasetManifest manifest = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get(SyntheticTimelapseWriter.DatasetId);
        Assert.Equal(LayoutKind.Ctc, manifest.Layout.Kind);
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        Assert.Empty(scan.Problems);
        Assert.Equal(Enumerable.Range(0, 6).Select(t => $"01/t{t:D3}"), scan.Samples.Select(s => s.Id));
        foreach (var sample in scan.Samples)
        {
            Assert.Equal("gold", sample.Metadata["truth"]);
            Assert.True(File.Exists(sample.Metadata["markers"]));
            Assert.Equal(data.PathOf("01_GT/TRA/man_track.txt"), sample.Metadata["tracks"]);
            Assert.Equal(128, sample.Image.Width);
            Assert.NotEmpty(MaskReading.DistinctLabels(sample.Instances!));
        }
        var report = DatasetValidator.Validate(manifest, data.Root, new LayoutReaders());
        Assert.True(report.Valid, string.Join("\n", report.Problems));
        Assert.Equal(6, report.AnnotatedImages);
        Assert.Equal(index.Files.Count(f => f.Path.Contains("man_seg", StringComparison.Ordinal)), report.MaskFiles);
    }

    [Fact]
    public void Ctc_seg_and_det_of_the_truth_against_itself_are_perfect()
    {
        using var data = new MiniData();
        SyntheticTimelapseWriter.Write(Small with { Count = 8 }, data.Root);
        var counts = default(CtcCounts);
        for (int t = 0; t < 8; t++)
        {
            var truth = LabelImage.From(ImageFile.Read(data.PathOf($"01_GT/SEG/man_seg{t:D3}.tif")), $"t{t}");
            var markers = LabelImage.From(ImageFile.Read(data.PathOf($"01_GT/TRA/man_track{t:D3}.tif")), $"t{t}");
            counts += CtcCounts.Of(ContingencyBuilder.Build($"t{t}", truth, markers));
        }
        Assert.True(counts.TrueObjects > 8);
        Assert.Equal(1.0, counts.Seg, 12);
        Assert.Equal(1.0, counts.Det);
        Assert.Equal(0, counts.Aogm);
    }

    [Fact]
    public void Bad_settings_name_the_option()
    {
        var e = Assert.Throws<InputException>(() => SyntheticTimelapse.Simulate(new SyntheticTimelapseOptions { Count = 0 }));
        Assert.Contains("--count", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InputException>(() => SyntheticTimelapse.Simulate(new SyntheticTimelapseOptions { Size = 16 }));
        Assert.Contains("--size", e.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> HashTree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
