using Research.Datasets.Synthetic;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Training;

// Training seeds libtorch's process-wide generator: run with the tests that need it to themselves (other classes build
// models with random weights in parallel, which draws from the same generator).
[Collection(nameof(TorchProcessState))]
public sealed class TrainerTests
{
    public TrainerTests() => TorchRuntime.EnsureLoaded();

    private static TrainingOptions Tiny(ModelKind model = ModelKind.Unet, LossKind loss = LossKind.BceDice) => new()
    {
        Synthetic = new SyntheticNucleiOptions { Count = 6, Size = 32, Seed = 3 },
        Model = model,
        Loss = loss,
        BaseFilters = 4,
        CropSize = 32,
        BatchSize = 3,
        Epochs = 3,
        Seed = 3,
        Device = DevicePreference.Cpu,
        LearningRate = 0.01,
    };

    [Fact]
    public void Live_tensor_count_does_not_grow_across_training_steps()
    {
        var options = Tiny();
        var source = new SyntheticTrainingSource(options.Synthetic);
        using var trainer = new Trainer(options, source, CPU);
        var order = trainer.EpochOrder(1);
        var batch = trainer.BuildBatch(order, 0, 1);
        trainer.TrainStep(batch); // first step creates the optimiser state
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 5; i++) trainer.TrainStep(batch);
        trainer.Validate();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    public static TheoryData<ModelKind, LossKind> ModelsAndLosses => new()
    {
        { ModelKind.Unet, LossKind.Bce },
        { ModelKind.Unet, LossKind.CrossEntropy },
        { ModelKind.Unet, LossKind.WeightedBce },
        { ModelKind.Bh2019Unet, LossKind.Dice },
        { ModelKind.CResUnet, LossKind.BceDice },
    };

    [Theory]
    [MemberData(nameof(ModelsAndLosses))]
    public void The_loss_falls_when_training_repeatedly_on_one_batch(ModelKind model, LossKind loss)
    {
        var options = Tiny(model, loss);
        using var trainer = new Trainer(options, new SyntheticTrainingSource(options.Synthetic), CPU);
        var batch = trainer.BuildBatch(trainer.EpochOrder(1), 0, 1);
        float first = trainer.TrainStep(batch), last = first;
        for (int i = 0; i < 15; i++) last = trainer.TrainStep(batch);
        Assert.True(last < first, $"{model}/{loss}: loss went from {first} to {last}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_metrics_and_another_seed_does_not()
    {
        using var temp = new TempFolder();
        var a = TrainingRun.Start(Tiny(), temp.Combine("a"));
        var b = TrainingRun.Start(Tiny(), temp.Combine("b"));
        var c = TrainingRun.Start(Tiny() with { Seed = 4 }, temp.Combine("c"));
        Assert.Equal(a.Metrics.Select(m => m with { Seconds = 0 }), b.Metrics.Select(m => m with { Seconds = 0 }));
        Assert.NotEqual(a.Metrics[0].TrainLoss, c.Metrics[0].TrainLoss);
        Assert.Equal(3, File.ReadAllLines(temp.Combine("a", "metrics.csv")).Length - 1);
        Assert.True(File.Exists(temp.Combine("a", "checkpoints", "best", "model.bin")));
        Assert.Contains("<svg", File.ReadAllText(temp.Combine("a", "learning_curves.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Split_keeps_sources_apart_and_is_seeded()
    {
        var source = new SyntheticTrainingSource(new SyntheticNucleiOptions { Count = 10, Size = 32, Seed = 1 });
        var split = DataSplit.BySource(source, 0.2, 5);
        Assert.Equal(2, split.Validation.Count);
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Equal(split.Validation, DataSplit.BySource(source, 0.2, 5).Validation);
        var seeds = Enumerable.Range(0, 10).Select(seed => string.Join(',', DataSplit.BySource(source, 0.2, (ulong)seed).Validation)).Distinct();
        Assert.True(seeds.Count() > 1, "the split ignores the seed");
    }

    [Fact]
    public void Schedules_follow_their_definitions()
    {
        var options = Tiny() with { Schedule = ScheduleKind.Plateau, PlateauPatience = 1, ScheduleFactor = 0.5, LearningRate = 0.1 };
        var s = ScheduleState.Initial(options);
        s = LearningRateSchedule.After(options, s, 1, 1.0); // improved: lr stays 0.1
        s = LearningRateSchedule.After(options, s, 2, 1.0); // 1 bad epoch = patience: stays
        Assert.Equal(0.1, s.LearningRate);
        s = LearningRateSchedule.After(options, s, 3, 1.0); // 2 bad epochs > patience: halves
        Assert.Equal(0.05, s.LearningRate, 12);
        var step = options with { Schedule = ScheduleKind.Step, StepEpochs = 2 };
        Assert.Equal(0.05, LearningRateSchedule.After(step, ScheduleState.Initial(step), 2, 1).LearningRate, 12); // 0.1 * 0.5^(2/2)
        var cosine = options with { Schedule = ScheduleKind.Cosine, Epochs = 4, MinLearningRate = 0 };
        Assert.Equal(0.05, LearningRateSchedule.After(cosine, ScheduleState.Initial(cosine), 2, 1).LearningRate, 12); // 0.1 * (1 + cos(pi/2)) / 2
        var stop = options with { EarlyStoppingPatience = 2 };
        var e = LearningRateSchedule.After(stop, ScheduleState.Initial(stop), 1, 1);
        e = LearningRateSchedule.After(stop, e, 2, 2);
        Assert.False(LearningRateSchedule.ShouldStop(stop, e));
        Assert.True(LearningRateSchedule.ShouldStop(stop, LearningRateSchedule.After(stop, e, 3, 2)));
    }

    [Fact]
    public void Resume_with_more_epochs_follows_the_cosine_schedule_of_the_longer_run()
    {
        // The rate saved after epoch 1 of a 1-epoch cosine run is the schedule's end (the minimum); a 3-epoch run's
        // epoch 2 runs at half the initial rate. The resumed run must follow the 3-epoch schedule from epoch 2 on.
        using var temp = new TempFolder();
        var cosine = Tiny() with { Schedule = ScheduleKind.Cosine, MinLearningRate = 0 };
        var whole = TrainingRun.Start(cosine, temp.Combine("whole"));
        TrainingRun.Start(cosine with { Epochs = 1 }, temp.Combine("part"));
        var resumed = TrainingRun.Resume(temp.Combine("part"), epochs: 3);
        Assert.Equal(new[] { 0.01, 0.0075, 0.0025 }, whole.Metrics.Select(m => Math.Round(m.LearningRate, 12)));
        Assert.Equal(whole.Metrics.Select(m => m with { Seconds = 0 }), resumed.Metrics.Select(m => m with { Seconds = 0 }));
        var saved = new ScheduleState(0, 1.5, 0, 0);
        Assert.Equal(0.0075, LearningRateSchedule.Resumed(cosine, saved, 1).LearningRate, 12); // 0.01 * (1 + cos(pi/3)) / 2
        Assert.Equal(saved, LearningRateSchedule.Resumed(cosine with { Schedule = ScheduleKind.Plateau }, saved, 1));
    }

    [Fact]
    public void A_nan_loss_stops_with_a_clear_message_and_keeps_the_last_good_checkpoint()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run");
        TrainingRun.Start(Tiny() with { Epochs = 1 }, run);
        byte[] good = File.ReadAllBytes(Path.Combine(run, "checkpoints", "last", "model.bin"));
        var poisoned = new PoisonedSource(new SyntheticTrainingSource(Tiny().Synthetic));
        var error = Assert.Throws<TrainingFailedException>(() => TrainingRun.Resume(run, epochs: 2, source: poisoned));
        Assert.Contains("Epoch 2, batch 1: the training loss is NaN", error.Message, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(Path.Combine(run, "checkpoints", "last", "model.bin")));
    }

    [Fact]
    public void Resume_without_a_checkpoint_and_corrupt_or_mismatched_checkpoints_are_named()
    {
        using var temp = new TempFolder();
        string empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        Assert.Contains("config.json is missing", Assert.Throws<InputException>(() => TrainingRun.Resume(empty)).Message, StringComparison.Ordinal);

        string run = temp.Combine("run");
        TrainingRun.Start(Tiny() with { Epochs = 1 }, run);
        string config = Path.Combine(run, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"base_filters\": 4", "\"base_filters\": 8", StringComparison.Ordinal));
        var mismatch = Assert.Throws<InputException>(() => TrainingRun.Resume(run, epochs: 2));
        Assert.Contains("base filters is 4 in the checkpoint but 8 in config.json", mismatch.Message, StringComparison.Ordinal);

        File.WriteAllText(config, File.ReadAllText(config).Replace("\"base_filters\": 8", "\"base_filters\": 4", StringComparison.Ordinal));
        string model = Path.Combine(run, "checkpoints", "last", "model.bin");
        var bytes = File.ReadAllBytes(model);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(model, bytes);
        var corrupt = Assert.Throws<InputException>(() => TrainingRun.Resume(run, epochs: 2));
        Assert.Contains($"{model}: corrupt checkpoint: SHA-256", corrupt.Message, StringComparison.Ordinal);

        File.Delete(Path.Combine(run, "checkpoints", "last", "state.json"));
        Assert.Contains("no checkpoint here", Assert.Throws<InputException>(() => TrainingRun.Resume(run, epochs: 2)).Message, StringComparison.Ordinal);

        // A run with its configuration but no checkpoint yet (killed during epoch 1) starts again, saying so.
        Directory.Delete(Path.Combine(run, "checkpoints"), recursive: true);
        var notes = new List<string>();
        Assert.Equal(2, TrainingRun.Resume(run, epochs: 2, log: notes.Add).Metrics.Count);
        Assert.Contains(notes, n => n.Contains("no checkpoint was written yet", StringComparison.Ordinal) && n.Contains("starts again from epoch 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_optimiser_names_and_bad_crop_sizes_are_explained()
    {
        Assert.Equal("Unknown optimizer 'adagrad'. Available: adam, rmsprop, sgd.", Assert.Throws<InputException>(() => Names.Optimizer("adagrad")).Message);
        Assert.Contains("--size 40 is not a multiple of 16", Assert.Throws<InputException>(() => (Tiny() with { CropSize = 40 }).Validate()).Message, StringComparison.Ordinal);
    }

    /// <summary>A source whose images contain NaN, so the loss becomes NaN.</summary>
    private sealed class PoisonedSource(ITrainingSource inner) : ITrainingSource
    {
        public string DatasetId => inner.DatasetId;
        public string Checksum => inner.Checksum;
        public int Count => inner.Count;
        public int Channels => inner.Channels;
        public string SourceOf(int index) => inner.SourceOf(index);
        public TrainingSample Get(int index)
        {
            var s = inner.Get(index);
            return s with { Image = Enumerable.Repeat(float.NaN, s.Image.Length).ToArray() };
        }
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "research-torch-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
