using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class DatasetsVerbsTests
{
    [Fact]
    public void List_prints_every_manifest_and_whether_it_is_found()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("dsb2018"));
        var (code, output, error) = CliRunner.Run("datasets", "list", "--root", temp.Path);
        Assert.True(code == 0, error);
        Assert.Contains("22 datasets", error, StringComparison.Ordinal); // the footer goes to standard error when output is not a terminal
        string[] dsbRow = output.Split('\n').Single(l => l.StartsWith("dsb2018\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("CC0-1.0", dsbRow[3]);
        Assert.Equal("yes", dsbRow[5]);
        Assert.Equal("no", output.Split('\n').Single(l => l.StartsWith("kvasir-seg\t", StringComparison.Ordinal)).Split('\t')[5]);
    }

    [Fact]
    public void Show_prints_summary_citation_and_how_to_obtain()
    {
        var (code, output, _) = CliRunner.Run("datasets", "show", "dsb2018");
        Assert.Equal(0, code);
        Assert.Contains("@article{caicedo2019nucleus", output, StringComparison.Ordinal);
        Assert.Contains("How to obtain:", output, StringComparison.Ordinal);
        Assert.Contains("stage1_train in stage1_train: 670 images, 29461 objects", output, StringComparison.Ordinal);
        Assert.Contains(Squashed.Of("download https://data.broadinstitute.org/bbbc/BBBC038/stage1_train.zip (documented at https://bbbc.broadinstitute.org/BBBC038) -> stage1_train"), Squashed.Of(output), StringComparison.Ordinal);
        Assert.Contains(Squashed.Of("-> stage1_solution.csv, decoded into per-object masks of stage1_test"), Squashed.Of(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_id_is_a_usage_error_listing_the_known_ids()
    {
        var (code, _, error) = CliRunner.Run("datasets", "show", "nope");
        Assert.Equal(2, code);
        Assert.Contains("Unknown dataset 'nope'", error, StringComparison.Ordinal);
        Assert.Contains("kvasir-seg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_prints_the_manual_steps_of_a_source_behind_a_login()
    {
        using var temp = new TempFolder();
        var (code, output, _) = CliRunner.Run("datasets", "fetch", "all-leukaemia", "--out", temp.Path);
        Assert.Equal(0, code);
        Assert.Contains("needs these steps by hand", output, StringComparison.Ordinal);
        Assert.Contains("kaggle.com", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Fetch_downloads_trusts_on_first_use_lays_out_and_validates_then_fails_cleanly_without_a_network()
    {
        using var fixture = new Research.Tests.Datasets.Download.FetchFixture(Path.Combine(AppContext.BaseDirectory, "data-manifests"));
        using var server = new Research.Tests.Datasets.Download.LoopbackHttpServer((_, _, _) => new("200 OK", fixture.Archive, []));
        fixture.WriteManifest(server.Url("/CHASEDB1.zip"));
        var (code, output, error) = CliRunner.Run("datasets", "fetch", "chase-db1", "--out", fixture.Out, "--manifests", fixture.Manifests);
        Assert.True(code == 0, output + error);
        Assert.Contains(Squashed.Of($"first download is trusted: SHA-256 {fixture.Sha256}"), Squashed.Of(output), StringComparison.Ordinal);
        Assert.Contains(Squashed.Of($"--expect-sha256 CHASEDB1.zip={fixture.Sha256}"), Squashed.Of(output), StringComparison.Ordinal);
        Assert.Contains("Valid: no problem found.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(fixture.Out, "chase-db1.fetch.json")));
        Assert.Equal("", error);

        Directory.Delete(fixture.Out, recursive: true);
        Uri closed = Research.Tests.Datasets.Download.ClosedPort.Url("/CHASEDB1.zip");
        fixture.WriteManifest(closed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (offline, _, offlineError) = CliRunner.Run("datasets", "fetch", "chase-db1", "--out", fixture.Out, "--manifests", fixture.Manifests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(1, offline);
        Assert.StartsWith($"research: {closed}: cannot connect", offlineError, StringComparison.Ordinal);
        Assert.Single(offlineError.Trim().Split('\n'));
    }

    [Fact]
    public void Validate_on_a_folder_without_the_dataset_exits_1_and_says_what_it_looked_for()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("somewhere", "else"));
        var (code, output, _) = CliRunner.Run("datasets", "validate", "dsb2018", "--root", temp.Path);
        Assert.Equal(1, code);
        Assert.Contains("[NothingFound]", output, StringComparison.Ordinal);
        Assert.Contains(Squashed.Of("looked for stage1_train/, stage1_test/, stage2_test_final/"), Squashed.Of(output), StringComparison.Ordinal);
        Assert.Contains("Invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_exits_0_for_a_clean_copy_and_1_with_a_json_report_for_a_broken_one()
    {
        using var temp = new TempFolder();
        string root = temp.Combine("stage1_train");
        WriteImage(Path.Combine(root, "a", "images", "a.png"), 6, 6, 10);
        WriteImage(Path.Combine(root, "a", "masks", "m.png"), 6, 6, 255);
        string manifests = temp.Combine("manifests");
        Directory.CreateDirectory(manifests);
        string yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data-manifests", "dsb2018.yaml"));
        File.WriteAllText(Path.Combine(manifests, "dsb2018.yaml"), yaml.Replace("images: 670", "images: 1").Replace("objects: 29461", "objects: 1"));
        var (ok, output, error) = CliRunner.Run("datasets", "validate", "dsb2018", "--root", root, "--manifests", manifests);
        Assert.True(ok == 0, output + error);
        Assert.Contains("1 images", output, StringComparison.Ordinal);
        Assert.Contains("Valid", output, StringComparison.Ordinal);

        WriteImage(Path.Combine(root, "a", "masks", "n.png"), 5, 6, 255);
        string json = temp.Combine("report.json");
        var (bad, badOutput, _) = CliRunner.Run("datasets", "validate", "dsb2018", "--root", root, "--manifests", manifests, "--json", json);
        Assert.Equal(1, bad);
        Assert.Contains("SizeMismatch", badOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("size_mismatch", report.RootElement.GetProperty("splits")[0].GetProperty("problems")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Validate_without_a_root_folder_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run("datasets", "validate", "dsb2018", "--root", "/nonexistent/stage1_train");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static void WriteImage(string path, int width, int height, byte value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var image = new Image<byte>(width, height);
        image.Span.Fill(value);
        ImageFile.Write(path, image);
    }
}
