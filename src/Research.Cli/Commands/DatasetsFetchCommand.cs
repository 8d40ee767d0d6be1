using Spectre.Console;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Research.Datasets.Download;
using Research.Datasets.Manifests;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research datasets fetch ID --out DIR [--expect-sha256 [FILE=]DIGEST]...</c>: downloads the manifest's direct
/// files, checks them, lays them out and validates the copy (exit 0 valid, 1 download failed or problems, 2 bad
/// usage); prints the manual steps that remain.
/// </summary>
public static class DatasetsFetchCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Dataset id." };
        var outDir = new Option<string>("--out") { Description = "The dataset root to fetch into (created if missing; its parent must exist). Run again to resume.", Required = true };
        var expect = new Option<string[]>("--expect-sha256")
        {
            Description = "Expected SHA-256 of a download without a published digest, as FILE=DIGEST (or DIGEST when the dataset has one download), e.g. from another machine's DIR/ID.fetch.json.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("fetch", "Download the manifest's direct files (resumable; SHA-256 checked, or trusted on first use and recorded in DIR/ID.fetch.json), unpack and lay them out, validate; print the manual steps otherwise.")
        {
            id, outDir, expect,
        };
        command.SetAction(parse =>
        {
            DatasetManifest m = DatasetsVerbs.Registry(parse).Get(parse.GetValue(id)!);
            var c = context.Console;
            if (m.Obtain.Manual.Count > 0)
            {
                c.WriteLine(m.Obtain.Direct.Count > 0
                    ? $"{m.Id}: besides the direct downloads, these steps are by hand (licence: {m.Licence.Display}: {m.Licence.Terms}):"
                    : $"{m.Id} needs these steps by hand (licence: {m.Licence.Display}: {m.Licence.Terms}):");
                for (int i = 0; i < m.Obtain.Manual.Count; i++) c.WriteLine($"  {i + 1}. {m.Obtain.Manual[i]}");
            }
            if (m.Obtain.Direct.Count == 0) return ExitCodes.Ok;
            var options = new FetchOptions { ExpectedSha256 = Expected(parse.GetValue(expect) ?? []), AfterStep = FetchHaltForTests.Hook(context.Error) };
            using var http = context.Downloader is null ? new HttpDatasetDownloader() : null;
            var fetcher = new DatasetFetcher(context.Downloader ?? http!);
            var progress = context.ShowProgress(parse.GetValue(CliApp.Quiet)) ? new ProgressLine(context.Error) : null;
            FetchResult result = fetcher.FetchAsync(m, parse.GetValue(outDir)!, options, progress, CancellationToken.None).GetAwaiter().GetResult();
            progress?.Finish();
            foreach (string step in result.Steps) c.WriteLine(step);
            foreach (var p in result.ContentProblems.Take(20)) c.WriteLine($"  [{p.Kind}] {p.Path}: {p.Message}");
            DatasetsValidateCommand.Print(context, result.Validation);
            c.WriteLine($"Fetched {m.Id} into {result.Root} (record: {FetchRecord.PathFor(result.Root, m.Id)})");
            return result.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Dictionary<string, string> Expected(string[] values)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int eq = value.LastIndexOf('=');
            expected[eq < 0 ? "" : value[..eq]] = eq < 0 ? value : value[(eq + 1)..];
        }
        return expected;
    }

    /// <summary>One self-overwriting line on standard error, at most four updates a second (terminals only).</summary>
    private sealed class ProgressLine(TextWriter error) : IProgress<FetchProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _last = -1000;

        public void Report(FetchProgress value)
        {
            if (_clock.ElapsedMilliseconds - _last < 250 && value.Bytes != value.Total) return;
            _last = _clock.ElapsedMilliseconds;
            string total = value.Total is long t ? string.Create(CultureInfo.InvariantCulture, $" of {t / 1e6:0.0}") : "";
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\rDownloading {value.File}: {value.Bytes / 1e6:0.0}{total} MB   "));
        }

        public void Finish() => error.WriteLine();
    }
}
