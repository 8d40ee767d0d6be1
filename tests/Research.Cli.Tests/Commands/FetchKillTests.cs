using System.Diagnostics;
using System.Security.Cryptography;
using Research.Datasets.Download;
using Research.Datasets.Manifests;
using Research.Tests.Datasets.Download;

namespace Research.Cli.Tests.Commands;

/// <summary>
/// Crash consistency of <c>research datasets fetch</c> for real: the command runs as a child process (research.dll next
/// to this test) and is killed with SIGKILL after each of its durable steps in turn (RESEARCH_FETCH_HALT_AT makes it
/// block exactly there); running it again must finish with the same files and the same record as an uninterrupted fetch.
/// </summary>
public sealed class FetchKillTests
{
    [Fact]
    public async Task A_fetch_killed_after_any_step_is_finished_by_the_next_run()
    {
        using var fixture = new FetchFixture(Path.Combine(AppContext.BaseDirectory, "data-manifests"));
        using var server = new LoopbackHttpServer((_, _, _) => new("200 OK", fixture.Archive, []));
        string manifestPath = fixture.WriteManifest(server.Url("/CHASEDB1.zip"));

        string whole = Path.Combine(fixture.Folder, "out", "whole");
        var steps = new List<string>();
        using (var downloader = new HttpDatasetDownloader())
        {
            var options = new FetchOptions { AfterStep = steps.Add };
            Assert.True((await new DatasetFetcher(downloader).FetchAsync(ManifestLoader.Load(manifestPath), whole, options, null, CancellationToken.None)).Valid);
        }
        Assert.Equal(["downloaded CHASEDB1.zip", "recorded CHASEDB1.zip", "unpacked CHASEDB1.zip"], steps.Take(3));
        Assert.Equal(10, steps.Count); // and 6 entries renamed into place, then "marked CHASEDB1.zip laid out"

        for (int k = 1; k <= steps.Count; k++)
        {
            string killed = Path.Combine(fixture.Folder, "out", $"killed-{k}");
            string[] args = ["datasets", "fetch", "chase-db1", "--out", killed, "--manifests", fixture.Manifests, "--quiet"];
            using (var child = Start(args, halt: k))
            {
                string expected = FetchHaltForTests.Message(k, steps[k - 1]);
                var halted = Task.Run(() =>
                {
                    string? line;
                    while ((line = child.StandardError.ReadLine()) is not null) if (line == expected) return true;
                    return false;
                });
                Assert.True(await halted.WaitAsync(TimeSpan.FromMinutes(2)), $"the child did not halt after step {k} ({steps[k - 1]})");
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
            using (var again = Start(args, halt: null))
            {
                string output = again.StandardOutput.ReadToEnd() + again.StandardError.ReadToEnd();
                again.WaitForExit();
                Assert.True(again.ExitCode == 0, $"after a kill at step {k} ({steps[k - 1]}): {output}");
            }
            Assert.Equal(Listing(whole), Listing(killed));
            Assert.Equal(Record(whole), Record(killed));
        }
    }

    /// <summary>Every file under the root (the record aside) with its SHA-256.</summary>
    private static List<string> Listing(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".fetch.json", StringComparison.Ordinal))
            .Select(f => $"{Path.GetRelativePath(root, f)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}")
            .Order(StringComparer.Ordinal)];

    private static List<string> Record(string root) =>
        [.. FetchRecord.Load(FetchRecord.PathFor(root, "chase-db1"), "chase-db1").Files.Select(f => $"{f.Url} {f.Bytes} {f.Sha256} {f.Trust} {f.Unpacked}")];

    private static Process Start(string[] args, int? halt)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its own working folder: the notebook runner tests move this process's working folder into temporary folders
            // that are deleted, and libtorch (Intel oneMKL) aborts in a child started in a deleted folder.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (halt is int step) info.Environment[FetchHaltForTests.Variable] = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "research.dll"));
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start research.dll");
    }
}
