using Spectre.Console;

namespace Research.Cli;

/// <summary>Where a command writes, and whether it may draw progress bars.</summary>
/// <param name="Console">Standard output as a Spectre console: results and tables (see <see cref="TableOutput"/>).</param>
/// <param name="Error">Standard error.</param>
/// <param name="Interactive">True when standard output is a terminal.</param>
/// <param name="CommandLine">The command line, for provenance.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Error, bool Interactive, string CommandLine)
{
    /// <summary>Standard error as a Spectre console: progress bars and running commentary. Null: plain lines to <see cref="Error"/>.</summary>
    public IAnsiConsole? ErrorConsole { get; init; }

    /// <summary>True when standard error is a terminal (progress bars are drawn there).</summary>
    public bool ErrorInteractive { get; init; }

    /// <summary>True when progress bars should be drawn: standard error is a terminal and no <c>--quiet</c>.</summary>
    public bool ShowProgress(bool quiet) => ErrorInteractive && ErrorConsole is not null && !quiet;

    /// <summary>Writes a line of running commentary (what a long verb is doing) to standard error, never to standard output.</summary>
    public void Log(string line)
    {
        if (ErrorConsole is not null) ErrorConsole.WriteLine(line);
        else Error.WriteLine(line);
    }

    /// <summary>Downloads the direct URLs of <c>datasets fetch</c>; null means the HTTP downloader (tests inject their own).</summary>
    public Research.Datasets.Download.IDatasetDownloader? Downloader { get; init; }
}
