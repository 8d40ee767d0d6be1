using System.Text.Json;

namespace Research.Cli.Tests.Commands;

/// <summary>
/// <c>research sam init | finetune | evaluate | predict --run</c> end to end as a user runs them, with random MobileSAM
/// (vit-t) weights on a small synthetic time-lapse: a run killed in epoch 2 and resumed equals an uninterrupted run bit
/// for bit; the run's decoder serves prediction and evaluation; usage errors exit with code 2 and one line.
/// </summary>
public sealed class SamFinetuneTests
{
    private static string[] Recipe(string weights, string data, string cache) =>
        ["--weights", weights, "--variant", "vit-t", "--dataset", "synthetic-timelapse", "--root", data, "--epochs", "2", "--prompts", "2",
         "--images-per-step", "1", "--val-fraction", "0.25", "--threads", "1", "--seed", "9", "--cache", cache, "--quiet"];

    [Fact]
    public async Task A_fine_tuning_run_killed_in_epoch_2_resumes_to_the_uninterrupted_result_and_serves_predict_and_evaluate()
    {
        using var temp = new TempFolder();
        string data = temp.Combine("data"), weights = temp.Combine("vit_t.pth"), cache = temp.Combine("cache");
        Assert.Equal(0, ResearchProcess.RunToEnd(["datasets", "synth", "--layout", "ctc", "--out", data, "--count", "4", "--size", "64"]));
        Assert.Equal(0, ResearchProcess.RunToEnd(["sam", "init", "--variant", "vit-t", "--seed", "3", "--out", weights]));
        string whole = temp.Combine("whole"), killed = temp.Combine("killed");
        Assert.Equal(0, ResearchProcess.RunToEnd(["sam", "finetune", "--out", whole, .. Recipe(weights, data, cache)]));
        Assert.Equal(3, ResearchProcess.DataRows(Path.Combine(whole, "metrics.csv"))); // epochs 0 (base), 1, 2

        using (var child = ResearchProcess.Start(["sam", "finetune", "--out", killed, .. Recipe(weights, data, cache)], halt: "2:2"))
        {
            var halted = Task.Run(() =>
            {
                string? line;
                while ((line = child.StandardError.ReadLine()) is not null) if (line == HaltForTests.Message(2, 2)) return true;
                return false;
            });
            Assert.True(await halted.WaitAsync(TimeSpan.FromMinutes(5)), "the child did not halt at epoch 2, step 2");
            child.Kill(entireProcessTree: true); // SIGKILL
            child.WaitForExit();
        }
        Assert.Equal(2, ResearchProcess.DataRows(Path.Combine(killed, "metrics.csv")));
        Assert.Equal(0, ResearchProcess.RunToEnd(["sam", "finetune", "--out", killed, "--resume", "--quiet"]));
        Assert.Equal(ResearchProcess.WithoutSeconds(Path.Combine(whole, "metrics.csv")), ResearchProcess.WithoutSeconds(Path.Combine(killed, "metrics.csv")));
        foreach (string file in new[] { "last/decoder.bin", "last/optimizer.bin", "last/state.json" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(whole, "checkpoints", file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(killed, "checkpoints", file))), $"{file} differs");
        }

        string evaluation = temp.Combine("eval");
        var (code, output) = ResearchProcess.RunToEndWithOutput(["sam", "evaluate", "--run", whole, "--dataset", "synthetic-timelapse", "--root", data, "--out", evaluation]);
        Assert.Equal(0, code);
        Assert.Contains("4 frame(s) with", output, StringComparison.Ordinal);
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(evaluation, "summary.json"))))
            Assert.InRange(summary.RootElement.GetProperty("ctc").GetProperty("seg").GetDouble(), 0, 1);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(evaluation, "labels"), "01_t00?.tif").Length);

        string prediction = temp.Combine("pred");
        (code, output) = ResearchProcess.RunToEndWithOutput(["sam", "predict", "--run", whole, "--image", Path.Combine(data, "01", "t001.tif"), "--boxes", "2,2,30,30", "--out", prediction]);
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(prediction, "t001_0.png")));
        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(prediction, "provenance.json")));
        Assert.StartsWith("fine-tuned: ", provenance.RootElement.GetProperty("components").GetProperty("decoder").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_options_and_bad_values_are_usage_errors_that_say_what_to_do()
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliRunner.Run("sam", "finetune", "--out", temp.Combine("run"), "--variant", "vit-t", "--dataset", "synthetic-timelapse", "--root", temp.Path);
        Assert.Equal(2, code);
        Assert.Contains("--weights is required (or --resume to continue the run in --out)", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("sam", "finetune", "--out", temp.Combine("run"), "--resume");
        Assert.Equal(2, code);
        Assert.Contains("not a fine-tuning run (config.json is missing)", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("sam", "evaluate", "--dataset", "synthetic-timelapse", "--root", temp.Path, "--out", temp.Combine("e"));
        Assert.Equal(2, code);
        Assert.Contains("--weights is required (or give --run RUN, a fine-tuning run)", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("sam", "init", "--variant", "vit-q", "--out", temp.Combine("w.pth"));
        Assert.Equal(2, code);
        Assert.Contains("unknown Segment Anything variant 'vit-q'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
