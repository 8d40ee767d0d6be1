namespace Research.Cli.Tests.Commands;

/// <summary>
/// <c>research sam predict</c> on bad input: one line naming the file or option, exit code 2, nothing written. (The
/// prediction itself is checked against the official predictor in Research.Torch.Tests' SamImagePredictionTests; a
/// published variant's random weights would be 375 MB.)
/// </summary>
public sealed class SamPredictTests
{
    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Research.sln"))) return Path.Combine(dir.FullName, "tests", "Research.Torch.Tests", "Sam", "Fixtures", name);
        throw new InvalidOperationException("Research.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void A_checkpoint_of_another_size_is_named_with_its_keys_and_exit_code_2()
    {
        using var temp = new TempFolder();
        string output = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("sam", "predict", "--weights", Fixture("sam_tiny.pth"), "--variant", "vit-b",
            "--image", Fixture("sam_predictor_image.png"), "--boxes", "5,8,30,40", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("sam_tiny.pth: does not fit this Segment Anything model", error, StringComparison.Ordinal);
        Assert.Contains("image_encoder.blocks.0.attn.proj.bias is 32 in the file, 768 in the model", error, StringComparison.Ordinal);
        Assert.Contains("looks like none of vit-b, vit-l, vit-h (width 32, 2 blocks)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void An_unknown_variant_and_a_box_outside_the_image_are_usage_errors()
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliRunner.Run("sam", "predict", "--weights", Fixture("sam_tiny.pth"), "--variant", "vit-x",
            "--image", Fixture("sam_predictor_image.png"), "--boxes", "5,8,30,40", "--out", temp.Combine("a"));
        Assert.Equal(2, code);
        Assert.Contains("--variant: unknown Segment Anything variant 'vit-x': use one of vit-b, vit-l, vit-h, vit-t", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("sam", "predict", "--weights", Fixture("sam_tiny.pth"), "--variant", "vit-b",
            "--image", Fixture("sam_predictor_image.png"), "--boxes", "5,8,300,40", "--out", temp.Combine("b"));
        Assert.Equal(2, code);
        Assert.Contains("--boxes item 1 ('5,8,300,40') lies outside the 37 x 50 image", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_empty_output_folder_is_refused_unless_forced()
    {
        using var temp = new TempFolder();
        string output = temp.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        var (code, _, error) = CliRunner.Run("sam", "predict", "--weights", Fixture("sam_tiny.pth"), "--variant", "vit-b",
            "--image", Fixture("sam_predictor_image.png"), "--boxes", "5,8,30,40", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("the folder exists and is not empty; add --force", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "keep.txt")));
    }
}
