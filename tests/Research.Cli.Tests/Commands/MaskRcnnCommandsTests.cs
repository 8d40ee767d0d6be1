namespace Research.Cli.Tests.Commands;

/// <summary>
/// <c>research train --model mask-rcnn</c> as a child process: killed by SIGKILL in epoch 2 and resumed, it equals an
/// uninterrupted run (metrics and weights, one libtorch thread); bad options and files are named with exit code 2.
/// </summary>
public sealed class MaskRcnnCommandsTests
{
    // 6 synthetic images of 64 px: 4 training images, 2 batches an epoch, a few seconds an epoch.
    private static readonly string[] Tiny =
    [
        "--model", "mask-rcnn", "--backbone", "resnet18", "--anchor-sizes", "8", "16", "32", "64", "128", "--roi-batch", "64",
        "--images", "6", "--image-size", "64", "--size", "64", "--epochs", "3", "--batch", "2", "--optimizer", "sgd", "--lr", "0.01",
        "--val-fraction", "0.34", "--augment", "random", "--threads", "1", "--seed", "11", "--quiet",
    ];

    [Fact]
    public async Task A_run_killed_during_epoch_2_and_resumed_matches_an_uninterrupted_run_bit_for_bit()
    {
        using var temp = new TempFolder();
        string whole = temp.Combine("whole"), killed = temp.Combine("killed");
        Assert.Equal(0, ResearchProcess.RunToEnd(["train", "--out", whole, .. Tiny]));
        using (var child = ResearchProcess.Start(["train", "--out", killed, .. Tiny], halt: "2:1"))
        {
            var stderr = new List<string>();
            var halted = Task.Run(() =>
            {
                string? line;
                while ((line = child.StandardError.ReadLine()) is not null)
                {
                    if (line == HaltForTests.Message(2, 1)) return true;
                    stderr.Add(line);
                }
                return false;
            });
            bool ok = await halted.WaitAsync(TimeSpan.FromMinutes(5));
            Assert.True(ok, $"the child did not halt at epoch 2, batch 1 (exited: {child.HasExited}); stderr: {string.Join('\n', stderr)}");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        Assert.Equal(1, ResearchProcess.DataRows(Path.Combine(killed, "metrics.csv")));
        Assert.Equal(0, ResearchProcess.RunToEnd(["train", "--out", killed, "--resume", "--quiet"]));
        Assert.Equal(ResearchProcess.WithoutSeconds(Path.Combine(whole, "metrics.csv")), ResearchProcess.WithoutSeconds(Path.Combine(killed, "metrics.csv")));
        foreach (string file in new[] { "model.bin", "optimizer.bin" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(whole, "checkpoints", "last", file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(killed, "checkpoints", "last", file))), $"{file} differs");
        }
    }

    [Fact]
    public void An_unknown_backbone_lists_the_valid_ones()
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliRunner.Run("train", "--model", "mask-rcnn", "--backbone", "resnet101", "--out", temp.Combine("run"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("Unknown backbone 'resnet101'. Available backbones: resnet18, resnet34, resnet50.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("run")) && Directory.EnumerateFiles(temp.Combine("run")).Any());
    }

    [Theory]
    [InlineData("--loss", "dice", "--loss applies to the per-pixel models")]
    [InlineData("--augment", "fold113", "--augment fold113 shifts images circularly")]
    [InlineData("--init", "/nonexistent/weights.pth", "--init /nonexistent/weights.pth: neither a file nor a run folder")]
    public void Options_that_do_not_fit_mask_rcnn_are_refused_before_anything_is_written(string option, string value, string message)
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliRunner.Run("train", "--model", "mask-rcnn", option, value, "--out", temp.Combine("run"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Combine("run"), "config.json")));
        (code, _, error) = CliRunner.Run("train", "--model", "unet", "--anchor-sizes", "8", "16", "32", "64", "128", "--out", temp.Combine("unet"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--anchor-sizes applies to mask-rcnn only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mask_rcnn", "resnet34", "the run's backbone is resnet34, this model's resnet18; use --backbone resnet34.")]
    [InlineData("unet", "resnet50", "the run trained unet, not mask-rcnn.")]
    public void An_init_run_of_another_backbone_or_model_is_refused_before_anything_is_written(string model, string backbone, string message)
    {
        using var temp = new TempFolder();
        string other = temp.Combine("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "config.json"), $$"""{ "model": "{{model}}", "backbone": "{{backbone}}" }""");
        var (code, _, error) = CliRunner.Run("train", "--model", "mask-rcnn", "--backbone", "resnet18", "--init", other, "--out", temp.Combine("run"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains($"--init {other}: {message}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Combine("run"), "config.json")));
    }

    [Fact]
    public void Import_refuses_a_file_that_is_not_a_mask_rcnn_state_dict_and_leaves_no_folder()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("notes.pth");
        File.WriteAllText(file, "not a zip");
        var (code, _, error) = CliRunner.Run("models", "import", "--torchvision-maskrcnn", file, "--backbone", "resnet18", "--out", temp.Combine("run"));
        Assert.Equal(2, code);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("run")));
    }
}
