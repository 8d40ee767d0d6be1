using Research.Datasets.Synthetic;
using Research.IO;
using Research.Torch.Sam;
using Research.Torch.Sam.FineTuning;
using Research.Torch.Training;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam.FineTuning;

/// <summary>
/// Fine-tuning runs with the tiny SAM of the reference script on a synthetic time-lapse in CTC layout: the loss falls,
/// only the decoder changes, checkpoints hold only the decoder with the base checkpoint's digest, a run resumed to
/// more epochs equals a run of that many epochs bit for bit, embeddings come from the cache the second time.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class SamFineTuneRunTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sam-finetune").FullName;
    private readonly string data;

    public SamFineTuneRunTests()
    {
        data = Path.Combine(dir, "data");
        SyntheticTimelapseWriter.Write(new SyntheticTimelapseOptions { Count = 6, Size = 96, Seed = 3 }, data);
    }

    public void Dispose() => Directory.Delete(dir, true);

    private SamFineTuneOptions Options(int epochs, string? cache = null) => new()
    {
        Weights = SamFixtures.File("sam_tiny.pth"),
        Variant = "tiny",
        Model = SamFixtures.Tiny,
        Dataset = SyntheticTimelapseWriter.DatasetId,
        Root = data,
        Epochs = epochs,
        LearningRate = 1e-3,
        PromptsPerImage = 4,
        ValidationFraction = 0.34,
        Seed = 5,
        Cache = cache,
        Threads = 1,
    };

    private static string[] WithoutSeconds(string run) =>
        [.. File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(l => l[..l.LastIndexOf(',')])];

    private static byte[] Bytes(string run, string file) => File.ReadAllBytes(Path.Combine(run, "checkpoints", file));

    [Fact]
    public void The_loss_falls_and_only_the_decoder_changes()
    {
        string run = Path.Combine(dir, "run");
        var result = SamFineTuneRun.Start(Options(4), run);
        Assert.Equal([0, 1, 2, 3, 4], result.Rows.Select(r => r.Epoch));
        Assert.True(double.IsNaN(result.Rows[0].TrainLoss));
        Assert.True(result.Rows[^1].TrainLoss < result.Rows[1].TrainLoss, $"training loss {result.Rows[1].TrainLoss} -> {result.Rows[^1].TrainLoss}");
        Assert.True(result.Rows[^1].ValLoss < result.Rows[0].ValLoss, $"validation loss {result.Rows[0].ValLoss} -> {result.Rows[^1].ValLoss}");
        Assert.Contains("4 training and 2 validation frame(s)", result.Frames, StringComparison.Ordinal);

        string sha = FileHash.Sha256(SamFixtures.File("sam_tiny.pth"));
        var last = SamDecoderCheckpoint.ReadState(Path.Combine(run, SamFineTuneRun.LastCheckpoint), sha);
        Assert.Equal(4, last.Epoch);
        Assert.True(File.Exists(Path.Combine(run, SamFineTuneRun.LastCheckpoint, Checkpoint.OptimizerFile)));
        Assert.False(File.Exists(Path.Combine(run, SamFineTuneRun.BestCheckpoint, Checkpoint.OptimizerFile)));
        var best = SamDecoderCheckpoint.ReadState(Path.Combine(run, SamFineTuneRun.BestCheckpoint), sha);
        Assert.Equal(result.Rows.Max(r => r.ValSeg), best.ValSeg);

        using var tuned = SamFineTuneRun.LoadModel(run, last: true);
        using var baseModel = new SamModel(SamFixtures.Tiny);
        SamCheckpoint.Load(baseModel, SamFixtures.File("sam_tiny.pth"));
        var tunedState = tuned.state_dict();
        int changed = 0;
        foreach (var (name, value) in baseModel.state_dict())
        {
            bool same = value.eq(tunedState[name]).all().item<bool>();
            if (name.StartsWith("mask_decoder.", StringComparison.Ordinal)) changed += same ? 0 : 1;
            else Assert.True(same, $"{name} changed: the encoders must stay frozen");
        }
        Assert.True(changed > 10, $"only {changed} decoder tensors changed");
    }

    [Fact]
    public void A_run_resumed_to_more_epochs_equals_an_uninterrupted_run_and_reuses_the_embeddings()
    {
        string whole = Path.Combine(dir, "whole"), resumed = Path.Combine(dir, "resumed");
        var first = SamFineTuneRun.Start(Options(3), whole);
        Assert.Equal(6, first.EmbeddingsComputed);
        var partial = SamFineTuneRun.Start(Options(2, cache: Path.Combine(whole, "embeddings")), resumed);
        Assert.Equal(0, partial.EmbeddingsComputed);
        var done = SamFineTuneRun.Resume(resumed, epochs: 3);
        Assert.Equal(3, done.Rows[^1].Epoch);
        Assert.Equal(WithoutSeconds(whole), WithoutSeconds(resumed));
        foreach (string file in new[] { "last/decoder.bin", "last/optimizer.bin", "best/decoder.bin" })
            Assert.True(Bytes(whole, file).AsSpan().SequenceEqual(Bytes(resumed, file)), $"{file} differs");
        Assert.Equal(3, SamFineTuneRun.ReadConfig(resumed).Epochs);
        var nothing = SamFineTuneRun.Resume(resumed);
        Assert.Equal(4, nothing.Rows.Count);
        Assert.Equal(0, nothing.EmbeddingsComputed);
        Assert.Equal(0, nothing.EpochsRun);
        Assert.Contains("already has 3 epochs", Assert.Throws<InputException>(() => SamFineTuneRun.Resume(resumed, epochs: 2)).Message, StringComparison.Ordinal);
        Assert.Equal(3, SamFineTuneRun.ReadConfig(resumed).Epochs);
        Assert.Equal(WithoutSeconds(whole), WithoutSeconds(resumed));
    }

    [Fact]
    public void Cached_embeddings_equal_computed_ones_and_other_weights_miss_the_cache()
    {
        using var model = new SamModel(SamFixtures.Tiny);
        SamCheckpoint.Load(model, SamFixtures.File("sam_tiny.pth"));
        string image = Path.Combine(data, "01", "t002.tif"), cacheFolder = Path.Combine(dir, "cache");
        var cache = new SamEmbeddingCache(cacheFolder, model, "a");
        using var computed = cache.Get(image);
        using var cached = cache.Get(image);
        Assert.Equal((1, 1), (cache.Computed, cache.Hits));
        Assert.True(computed.Embedding.eq(cached.Embedding).all().item<bool>());
        Assert.Equal(computed.InputSize, cached.InputSize);
        Assert.Equal((96, 96), cached.OriginalSize);
        Assert.NotEqual(cache.PathOf(image), new SamEmbeddingCache(cacheFolder, model, "b").PathOf(image));
        // a truncated entry, or one whose header is damaged, is recomputed, not read
        File.WriteAllBytes(cache.PathOf(image), File.ReadAllBytes(cache.PathOf(image))[..100]);
        using var again = cache.Get(image);
        Assert.Equal(2, cache.Computed);
        Assert.True(computed.Embedding.eq(again.Embedding).all().item<bool>());
        var bytes = File.ReadAllBytes(cache.PathOf(image));
        BitConverter.GetBytes(-7).CopyTo(bytes, 4);
        File.WriteAllBytes(cache.PathOf(image), bytes);
        using var third = cache.Get(image);
        Assert.Equal(3, cache.Computed);
        // random weights: other seeds, other weights
        string a = Path.Combine(dir, "a.pth"), b = Path.Combine(dir, "b.pth");
        SamRandomWeights.Write(SamFixtures.Tiny, 2, a, force: false);
        SamRandomWeights.Write(SamFixtures.Tiny, 3, b, force: false);
        Assert.NotEqual(FileHash.Sha256(a), FileHash.Sha256(b));
    }

    [Fact]
    public void Sixteen_bit_frames_are_embedded_and_multi_page_frames_refused_with_their_page_count()
    {
        using var model = new SamModel(SamFixtures.Tiny);
        SamCheckpoint.Load(model, SamFixtures.File("sam_tiny.pth"));
        var cache = new SamEmbeddingCache(null, model, "a");
        var deep = new Research.Imaging.Image<ushort>(40, 30, 1, [.. Enumerable.Range(0, 1200).Select(i => (ushort)(i * 50))]);
        string sixteen = Path.Combine(dir, "deep.tif"), stack = Path.Combine(dir, "stack.tif");
        Research.Imaging.Codecs.ImageFile.Write(sixteen, deep);
        using (var embedded = cache.Get(sixteen)) Assert.Equal((30, 40), embedded.OriginalSize);
        Research.Imaging.Codecs.ImageFile.WritePages(stack, [deep, deep]);
        var e = Assert.Throws<InputException>(() => cache.Get(stack));
        Assert.Contains("stack.tif: holds 2 pages", e.Message, StringComparison.Ordinal);
        Assert.Null(cache.Folder);
    }

    [Fact]
    public void Frames_without_segmentation_are_skipped_and_counted()
    {
        File.Delete(Path.Combine(data, "01_GT", "SEG", "man_seg004.tif"));
        var frames = SamFrames.Load(SyntheticTimelapseWriter.DatasetId, data, null, 0.2, 1);
        Assert.Equal(1, frames.WithoutTruth);
        Assert.Equal(5, frames.Train.Count + frames.Validation.Count);
        Assert.DoesNotContain(frames.Train.Concat(frames.Validation), f => f.Id == "01/t004");
        Assert.Contains("skipped 1 without segmentation", frames.Describe(), StringComparison.Ordinal);
        var one = Assert.Throws<InputException>(() => SamFrames.Load(SyntheticTimelapseWriter.DatasetId, data, "01/t000", 0.5, 1));
        Assert.Contains("needs two or more", one.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_runs_are_refused_with_what_to_do()
    {
        string run = Path.Combine(dir, "run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "note.txt"), "x");
        Assert.Contains("--resume", Assert.Throws<InputException>(() => SamFineTuneRun.Start(Options(1), run)).Message, StringComparison.Ordinal);
        Assert.Contains("no sample matches --include '02/*'", Assert.Throws<InputException>(() =>
            SamFineTuneRun.Start(Options(1) with { Include = "02/*" }, Path.Combine(dir, "other"))).Message, StringComparison.Ordinal);
        Assert.Contains("--lr", Assert.Throws<InputException>(() => SamFineTuneRun.Start(Options(1) with { LearningRate = 0 }, Path.Combine(dir, "x"))).Message, StringComparison.Ordinal);

        string good = Path.Combine(dir, "good");
        SamFineTuneRun.Start(Options(1), good);
        string other = Path.Combine(dir, "other.pth");
        SamRandomWeights.Write(SamFixtures.Tiny, 1, other, force: false);
        var e = Assert.Throws<InputException>(() => SamFineTuneRun.LoadModel(good, weights: other));
        Assert.Contains("fine-tuned from weights of SHA-256", e.Message, StringComparison.Ordinal);
    }
}
