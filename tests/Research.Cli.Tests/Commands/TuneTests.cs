using System.Text.Json;

namespace Research.Cli.Tests.Commands;

/// <summary><c>research tune</c> and how <c>research predict</c> uses (or ignores) its result.</summary>
public sealed class TuneTests
{
    [Fact]
    public void Tune_scores_what_predict_and_evaluate_score_and_predict_uses_the_tuned_settings()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run"), data = temp.Combine("data"), val = temp.Combine("val"), truth = temp.Combine("truth");
        var train = CliRunner.Run("train", "--out", run, "--images", "8", "--image-size", "48", "--size", "48", "--base-filters", "4",
            "--epochs", "3", "--lr", "0.003", "--seed", "4", "--val-fraction", "0.25", "--quiet");
        Assert.True(train.ExitCode == 0, train.Error);

        var tune = CliRunner.Run("tune", "--run", run, "--thresholds", "0.3", "0.5", "--min-peak-distances", "1", "2", "--tile", "64", "--overlap", "8");

        Assert.True(tune.ExitCode == 0, tune.Error);
        Assert.Contains("Chosen: threshold ", tune.Error, StringComparison.Ordinal); // under the table on a terminal, on standard error when piped
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "postprocessing.json")));
        var chosen = record.RootElement.GetProperty("chosen");
        double threshold = chosen.GetProperty("threshold").GetDouble(), peak = chosen.GetProperty("second").GetDouble();
        Assert.Equal("min_peak_distance", record.RootElement.GetProperty("second_setting").GetString());
        Assert.Equal(4, record.RootElement.GetProperty("candidates").GetArrayLength());
        var tuneProvenance = record.RootElement.GetProperty("provenance");
        Assert.StartsWith("research tune --run ", tuneProvenance.GetProperty("command_line").GetString(), StringComparison.Ordinal);
        Assert.Equal(4UL, tuneProvenance.GetProperty("seed").GetUInt64());
        Assert.Equal("cpu", tuneProvenance.GetProperty("components").GetProperty("device").GetString());

        // The same images on disk: the synthetic generator with the run's options, restricted to the held-out ids.
        Assert.Equal(0, CliRunner.Run("datasets", "synth", "--out", data, "--count", "8", "--size", "48", "--seed", "4").ExitCode);
        using var split = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "split.json")));
        Directory.CreateDirectory(val);
        Directory.CreateDirectory(truth);
        foreach (var id in split.RootElement.GetProperty("validation").EnumerateArray().Select(e => e.GetString()!))
        {
            File.Copy(Path.Combine(data, "images", id + ".png"), Path.Combine(val, id + ".png"));
            File.Copy(Path.Combine(data, "labels", id + ".tif"), Path.Combine(truth, id + ".tif"));
        }

        var predict = CliRunner.Run("predict", "--run", run, "--input", val, "--out", temp.Combine("pred"), "--tile", "64", "--overlap", "8");
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Contains("Post-processing tuned on the run's validation images", predict.Output, StringComparison.Ordinal);
        using (var provenance = JsonDocument.Parse(File.ReadAllText(temp.Combine("pred", "provenance.json"))))
        {
            var c = provenance.RootElement.GetProperty("components");
            Assert.Equal(Path.Combine(run, "postprocessing.json"), c.GetProperty("separation_settings_from").GetString());
            Assert.Equal(threshold, double.Parse(c.GetProperty("threshold").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(peak, double.Parse(c.GetProperty("min_peak_distance").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(c.TryGetProperty("score_threshold", out _), "a detector's setting in a U-Net prediction's provenance");
        }
        var evaluate = CliRunner.Run("evaluate", "--pred", temp.Combine("pred"), "--truth", truth, "--out", temp.Combine("eval"));
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(temp.Combine("eval", "summary.json")));
        Assert.Equal(chosen.GetProperty("score").GetDouble(), summary.RootElement.GetProperty("dsb2018_score").GetDouble(), 9);

        // Options given on the command line win; --untuned ignores the record.
        var explicitRun = CliRunner.Run("predict", "--run", run, "--input", val, "--out", temp.Combine("pred2"), "--tile", "64", "--overlap", "8", "--threshold", "0.45");
        Assert.True(explicitRun.ExitCode == 0, explicitRun.Error);
        Assert.Contains("(options given here take precedence)", explicitRun.Output, StringComparison.Ordinal);
        using (var provenance = JsonDocument.Parse(File.ReadAllText(temp.Combine("pred2", "provenance.json"))))
        {
            var c = provenance.RootElement.GetProperty("components");
            Assert.Equal("0.45", c.GetProperty("threshold").GetString());
            Assert.EndsWith("postprocessing.json + command line", c.GetProperty("separation_settings_from").GetString(), StringComparison.Ordinal);
        }
        var withTta = CliRunner.Run("predict", "--run", run, "--input", val, "--out", temp.Combine("pred4"), "--tile", "64", "--overlap", "8", "--tta");
        Assert.True(withTta.ExitCode == 0, withTta.Error);
        Assert.Contains("tuned without test-time augmentation; run 'research tune --tta'", withTta.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var untuned = CliRunner.Run("predict", "--run", run, "--input", val, "--out", temp.Combine("pred3"), "--tile", "64", "--overlap", "8", "--untuned");
        Assert.True(untuned.ExitCode == 0, untuned.Error);
        using (var provenance = JsonDocument.Parse(File.ReadAllText(temp.Combine("pred3", "provenance.json"))))
            Assert.Equal("defaults", provenance.RootElement.GetProperty("components").GetProperty("separation_settings_from").GetString());
    }

    [Fact]
    public void Bad_tune_input_exits_2_with_a_message()
    {
        using var temp = new TempFolder();
        var missing = CliRunner.Run("tune", "--run", temp.Combine("nothing"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("config.json is missing", missing.Error, StringComparison.Ordinal);
        var range = CliRunner.Run("tune", "--run", temp.Combine("nothing"), "--thresholds", "0.5", "1.2");
        Assert.Equal(2, range.ExitCode);
        Assert.Contains("--thresholds: every value must be in (0, 1), got 1.2.", range.Error, StringComparison.Ordinal);
    }
}
