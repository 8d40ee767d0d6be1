using Spectre.Console;

namespace Research.Cli;

/// <summary>Where a command writes, and whether it may draw progress bars.</summary>
/// <param name="Console">Standard output as a Spectre console (tables, progress).</param>
/// <param name="Error">Standard error.</param>
/// <param name="Interactive">True when standard output is a terminal.</param>
/// <param name="CommandLine">The command line, for provenance.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Error, bool Interactive, string CommandLine)
{
    /// <summary>True when progress bars should be drawn: a terminal and no <c>--quiet</c>.</summary>
    public bool ShowProgress(bool quiet) => Interactive && !quiet;

    /// <summary>Downloads the direct URLs of <c>datasets fetch</c>; null means the HTTP downloader (tests inject their own).</summary>
    public Research.Datasets.Download.IDatasetDownloader? Downloader { get; init; }
}
