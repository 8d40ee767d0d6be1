using Research.Datasets.Synthetic;
using Research.Processing.Labels;
using Research.Torch.Inference;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Tests.Training;
using Research.Torch.Training;

namespace Research.Torch.Tests.Inference;

/// <summary><see cref="PostProcessingTuning"/> on small synthetic runs: what it scores, what it writes, what it refuses.</summary>
public sealed class PostProcessingTuningTests
{
    public PostProcessingTuningTests() => TorchRuntime.EnsureLoaded();

    private static TrainingOptions Run(LossKind loss) => new()
    {
        Synthetic = new SyntheticNucleiOptions { Count = 8, Size = 48, Seed = 5 },
        Model = ModelKind.Unet,
        Loss = loss,
        BaseFilters = 4,
        CropSize = 48,
        BatchSize = 4,
        Epochs = 2,
        LearningRate = 3e-3,
        Seed = 21,
        Device = DevicePreference.Cpu,
        ValidationFraction = 0.25,
    };

    [Theory]
    [InlineData(LossKind.BceDice, TunedPostProcessing.PeakDistance)]
    [InlineData(LossKind.CrossEntropy, TunedPostProcessing.Interior)]
    public void Every_candidate_is_scored_and_the_best_is_chosen_and_written(LossKind loss, string second)
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run");
        TrainingRun.Start(Run(loss), run);
        var defaults = new InstanceSeparationOptions();
        double defaultSecond = second == TunedPostProcessing.Interior ? defaults.InteriorThreshold : defaults.MinPeakDistance;
        var options = new TuneOptions
        {
            RunFolder = run, Thresholds = [0.3, 0.5], InteriorThresholds = [0.3, 0.5, 0.7], MinPeakDistances = [1, 2, 4], Tile = 64, Overlap = 8,
        };

        var result = PostProcessingTuning.Run(options);

        Assert.Equal(second, result.SecondSetting);
        Assert.Equal(2, result.ValidationImages);
        Assert.True(result.ValidationObjects > 0);
        Assert.Equal(6, result.Candidates.Count);
        Assert.Equal([0.3, 0.3, 0.3, 0.5, 0.5, 0.5], result.Candidates.Select(c => c.Threshold));
        Assert.All(result.Candidates, c => Assert.InRange(c.Score, 0, 1));
        Assert.Equal(result.Candidates.Max(c => c.Score), result.Chosen.Score);
        Assert.Equal(result.Candidates.First(c => c.Score == result.Chosen.Score), result.Chosen); // first of equals, grid order
        // The defaults are in this grid: their separately computed score must be that candidate's.
        Assert.Equal(result.Candidates.Single(c => c.Threshold == 0.5 && c.Second == defaultSecond).Score, result.DefaultScore, 12);
        Assert.StartsWith("checkpoints/best (epoch ", result.Checkpoint, StringComparison.Ordinal);

        var read = TunedPostProcessing.Read(run);
        Assert.NotNull(read);
        Assert.Equal(result.Chosen, read.Chosen);
        Assert.Equal(result.Candidates, read.Candidates);
        var (resolved, source) = TunedPostProcessing.Resolve(run);
        Assert.Equal(Path.Combine(run, TunedPostProcessing.FileName), source);
        Assert.Equal(result.Chosen.Threshold, resolved.Threshold);
        Assert.Equal(result.Chosen.Second, second == TunedPostProcessing.Interior ? resolved.InteriorThreshold : resolved.MinPeakDistance);
        Assert.Equal((new InstanceSeparationOptions(), "defaults"), TunedPostProcessing.Resolve(run, useTuned: false));
    }

    [Fact]
    public void A_run_without_tuning_resolves_to_the_defaults_and_a_corrupt_record_is_named()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run");
        Directory.CreateDirectory(run);
        Assert.Equal((new InstanceSeparationOptions(), "defaults"), TunedPostProcessing.Resolve(run));
        string path = Path.Combine(run, TunedPostProcessing.FileName);
        File.WriteAllText(path, "{ \"metric\": ");
        var error = Assert.Throws<InputException>(() => TunedPostProcessing.Resolve(run));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("run 'research tune' again or delete it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_that_no_longer_gives_the_recorded_validation_images_is_refused()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run");
        TrainingRun.Start(Run(LossKind.BceDice) with { Epochs = 1 }, run);
        string split = Path.Combine(run, SplitRecord.FileName);
        File.WriteAllText(split, File.ReadAllText(split).Replace("synth-000", "other-000", StringComparison.Ordinal));

        var error = Assert.Throws<InputException>(() => PostProcessingTuning.Run(new TuneOptions { RunFolder = run, Thresholds = [0.5], MinPeakDistances = [2] }));

        Assert.Contains(split, error.Message, StringComparison.Ordinal);
        Assert.Contains("point --root at the split the run was trained on", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, TunedPostProcessing.FileName)));
    }

    [Theory]
    [InlineData("thresholds", "--thresholds: every value must be in (0, 1), got 1.5.")]
    [InlineData("interior", "--interior-thresholds: give at least one value.")]
    [InlineData("peaks", "--min-peak-distances: every value must be 0 or more, got -1.")]
    public void Bad_grids_are_refused_by_name(string which, string message)
    {
        var options = which switch
        {
            "thresholds" => new TuneOptions { RunFolder = "r", Thresholds = [0.5, 1.5] },
            "interior" => new TuneOptions { RunFolder = "r", InteriorThresholds = [] },
            _ => new TuneOptions { RunFolder = "r", MinPeakDistances = [-1] },
        };
        Assert.Equal(message, Assert.Throws<InputException>(options.Validate).Message);
    }
}
