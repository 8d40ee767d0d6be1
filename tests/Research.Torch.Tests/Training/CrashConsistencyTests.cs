using Research.Datasets.Synthetic;
using Research.IO;
using Research.Torch.Runtime;
using Research.Torch.Training;

namespace Research.Torch.Tests.Training;

/// <summary>
/// A run folder stays resumable whatever instant the process dies at: the run is stopped right after each step of
/// its crash-safe writes (<see cref="WriteSteps"/>: every file renamed into place, every checkpoint folder moved)
/// through the end of epoch 2, as a kill would leave it, then resumed; each must end exactly like an uninterrupted
/// run. The real SIGKILL of a child process at some of these points is in Research.Cli.Tests' TrainResumeTests.
/// The runs use libtorch's process-wide random generator and thread count, so no other test may run beside them
/// (<see cref="TorchProcessState"/>): a parallel test drawing from the generator between a seed and the weight
/// initialisation made a resumed run differ once.
/// </summary>
[Collection(nameof(TorchProcessState))]
public sealed class CrashConsistencyTests
{
    public CrashConsistencyTests() => TorchRuntime.EnsureLoaded();

    private static readonly TrainingOptions Tiny = new()
    {
        Synthetic = new SyntheticNucleiOptions { Count = 5, Size = 32, Seed = 5 },
        BaseFilters = 4,
        CropSize = 32,
        BatchSize = 2,
        Epochs = 2,
        Threads = 1, // one libtorch thread: no idle worker spinning between the 37 short runs (25 s of CPU rather than 70)
        Seed = 5,
        Device = DevicePreference.Cpu,
        LearningRate = 0.01,
    };

    private static readonly string[] Compared =
    [
        Path.Combine("checkpoints", "last", Checkpoint.ModelFile), Path.Combine("checkpoints", "last", Checkpoint.OptimizerFile),
        Path.Combine("checkpoints", "last", Checkpoint.StateFile), Path.Combine("checkpoints", "best", Checkpoint.ModelFile),
        Path.Combine("checkpoints", "best", Checkpoint.StateFile), "split.json", "config.json",
    ];

    [Fact]
    public void A_run_stopped_after_any_write_of_its_first_two_epochs_resumes_to_the_uninterrupted_result()
    {
        using var temp = new TempFolder();
        string whole = temp.Combine("whole");
        var steps = new List<string>();
        WriteSteps.Observer = steps.Add;
        try { TrainingRun.Start(Tiny, whole); }
        finally { WriteSteps.Observer = null; }

        // Through epoch 2's commit: the second time checkpoints/last is moved into place.
        string last = Path.GetFullPath(Path.Combine(whole, TrainingRun.LastCheckpoint));
        int through = steps.Select((path, i) => (path, i)).Where(s => s.path == last).Skip(1).First().i + 1;
        Assert.True(through >= 12, $"only {through} write steps before the end of epoch 2: {string.Join(", ", steps)}");
        Assert.Contains(steps.Take(through), s => s.Contains(".last.old-", StringComparison.Ordinal)); // a checkpoint replaced mid-way

        var notes = new List<string>();
        for (int k = 1; k <= through; k++)
        {
            string run = temp.Combine($"stopped-after-{k}");
            int done = 0;
            WriteSteps.Observer = _ => { if (++done == k) throw new Stopped(); };
            try { Assert.Throws<Stopped>(() => TrainingRun.Start(Tiny, run)); }
            finally { WriteSteps.Observer = null; }

            var resumed = TrainingRun.Resume(run, log: notes.Add);

            Assert.Equal(2, resumed.Metrics.Count);
            Assert.True(WithoutSeconds(Path.Combine(whole, TrainingRun.MetricsFile)).SequenceEqual(WithoutSeconds(Path.Combine(run, TrainingRun.MetricsFile))),
                $"stopped after write {k} ({steps[k - 1]}): metrics.csv differs");
            foreach (string file in Compared)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(run, file))),
                    $"stopped after write {k} ({steps[k - 1]}): {file} differs");
            }
            Assert.Empty(Directory.GetFileSystemEntries(run, ".*", SearchOption.AllDirectories));
        }
        Assert.Contains(notes, n => n.Contains("no checkpoint was written yet", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("after epoch 1", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("after epoch 2", StringComparison.Ordinal)); // killed after the last commit: nothing left to do
    }

    [Fact]
    public void A_folder_holding_only_a_temporary_file_of_a_killed_start_is_started_afresh()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, ".config.json.123.0123456789abcdef.tmp"), "{ half");
        var result = TrainingRun.Start(Tiny with { Epochs = 1 }, run);
        Assert.Single(result.Metrics);
        Assert.Empty(Directory.GetFiles(run, ".*"));
    }

    private static IEnumerable<string> WithoutSeconds(string path) =>
        File.ReadAllLines(path).Select(line => line[..line.LastIndexOf(',')]);

    private sealed class Stopped : Exception;
}

/// <summary>Tests that need libtorch's process-wide state (random generator, thread count) to themselves: run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(TorchProcessState), DisableParallelization = true)]
public sealed class TorchProcessState;
