using System.Diagnostics;

namespace Research.Cli.Tests.Commands;

/// <summary>
/// Kill-and-resume for real: <c>research train</c> runs as a child process (the research.dll next to this test),
/// is killed with SIGKILL in the middle of epoch 3 (after its 5th batch), resumed with --resume, and compared with an uninterrupted run.
/// All runs use one libtorch thread (--threads 1), so the CPU kernels reduce in a fixed order.
/// </summary>
public sealed class TrainResumeTests
{
    // 40 images of 64 px, base 4, batch 2: 16 training batches per epoch, about 0.5 s an epoch on 2 cores.
    private static readonly string[] Tiny =
        ["--images", "40", "--image-size", "64", "--size", "64", "--base-filters", "4", "--epochs", "4", "--batch", "2", "--threads", "1", "--seed", "11", "--augment", "random", "--quiet"];

    [Fact]
    public async Task A_run_killed_during_epoch_3_and_resumed_matches_an_uninterrupted_run_bit_for_bit()
    {
        using var temp = new TempFolder();
        string whole = temp.Combine("whole"), killed = temp.Combine("killed");
        Assert.Equal(0, ResearchProcess.RunToEnd(["train", "--out", whole, .. Tiny]));

        // Kill during epoch 3: RESEARCH_HALT_AT makes the child block right after batch 5 of epoch 3 and say so on
        // standard error, so the kill lands at the same point on a machine of any speed (no polling race).
        using (var child = ResearchProcess.Start(["train", "--out", killed, .. Tiny], halt: "3:5"))
        {
            var stderr = new List<string>();
            var halted = Task.Run(() =>
            {
                string? line;
                while ((line = child.StandardError.ReadLine()) is not null)
                {
                    if (line == HaltForTests.Message(3, 5)) return true;
                    stderr.Add(line);
                }
                return false;
            });
            bool ok = await halted.WaitAsync(TimeSpan.FromMinutes(5));
            Assert.True(ok, $"the child did not halt at epoch 3, batch 5 (exited: {child.HasExited}); stderr: {string.Join('\n', stderr)}");
            child.Kill(entireProcessTree: true); // SIGKILL
            child.WaitForExit();
        }
        Assert.Equal(2, ResearchProcess.DataRows(Path.Combine(killed, "metrics.csv"))); // killed during epoch 3

        Assert.Equal(0, ResearchProcess.RunToEnd(["train", "--out", killed, "--resume", "--quiet"]));

        Assert.Equal(ResearchProcess.WithoutSeconds(Path.Combine(whole, "metrics.csv")), ResearchProcess.WithoutSeconds(Path.Combine(killed, "metrics.csv")));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(killed, "metrics.csv")).Length);
        foreach (string file in new[] { "model.bin", "optimizer.bin" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(whole, "checkpoints", "last", file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(killed, "checkpoints", "last", file))), $"{file} differs");
        }
    }

    // 12 images of 32 px, batch 4, 2 epochs: the write steps matter here, not the batches.
    private static readonly string[] Small =
        ["--images", "12", "--image-size", "32", "--size", "32", "--base-filters", "4", "--epochs", "2", "--batch", "4", "--threads", "1", "--seed", "11", "--quiet"];

    [Fact]
    public async Task Runs_killed_after_chosen_write_steps_resume_to_the_uninterrupted_result()
    {
        // RESEARCH_HALT_AT=write:N halts the child after the N-th completed write step and traces every step before.
        // The uninterrupted run lists the steps; the child is SIGKILLed after three of them: config.json alone (resumes
        // from epoch 1), checkpoints/best of epoch 1 saved but not checkpoints/last, and checkpoints/last of epoch 1
        // moved aside before epoch 2's is moved in. Every other step is covered in-process by CrashConsistencyTests.
        using var temp = new TempFolder();
        string whole = temp.Combine("whole");
        var trace = RunToEndTraced(["train", "--out", whole, .. Small]);
        string Step(string path) => Path.GetFullPath(Path.Combine(whole, path));
        int[] points =
        [
            trace.IndexOf(Step("config.json")) + 1,
            trace.IndexOf(Step(Path.Combine("checkpoints", "best"))) + 1,
            trace.FindIndex(p => Path.GetFileName(p).StartsWith(".last.old-", StringComparison.Ordinal)) + 1,
        ];
        Assert.True(points.All(p => p > 0) && points.Distinct().Count() == 3, $"write steps not found: {string.Join('\n', trace)}");

        foreach (int point in points)
        {
            string killed = temp.Combine($"killed-after-{point}");
            using (var child = ResearchProcess.Start(["train", "--out", killed, .. Small], halt: $"write:{point}"))
            {
                var halted = Task.Run(() =>
                {
                    string? line;
                    while ((line = child.StandardError.ReadLine()) is not null) if (line == HaltForTests.WriteMessage(point)) return true;
                    return false;
                });
                Assert.True(await halted.WaitAsync(TimeSpan.FromMinutes(5)), $"the child did not halt after write {point}");
                child.Kill(entireProcessTree: true); // SIGKILL
                child.WaitForExit();
            }
            var (_, output) = ResearchProcess.RunToEndWithOutput(["train", "--out", killed, "--resume", "--quiet"]);
            if (point == points[0]) Assert.Contains("no checkpoint was written yet", output, StringComparison.Ordinal);
            Assert.Equal(ResearchProcess.WithoutSeconds(Path.Combine(whole, "metrics.csv")), ResearchProcess.WithoutSeconds(Path.Combine(killed, "metrics.csv")));
            foreach (string file in new[] { "last/model.bin", "last/optimizer.bin", "last/state.json", "best/model.bin", "best/state.json" })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(whole, "checkpoints", file)).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(killed, "checkpoints", file))), $"killed after write {point} ({trace[point - 1]}): {file} differs");
            }
        }
    }

    /// <summary>Runs to the end with the write trace on (a halt point never reached); returns the traced paths in order.</summary>
    private static List<string> RunToEndTraced(string[] args)
    {
        using var process = ResearchProcess.Start(args, halt: "write:1000000");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var lines = new List<string>();
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null) lines.Add(line);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stdout.Result + string.Join('\n', lines));
        return lines.Where(l => l.StartsWith("write ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();
    }
}
