using Research.Benchmarks.Cases;
using Research.Benchmarks.Harness;
using Research.Benchmarks.Reporting;
using Research.IO;

namespace Research.Benchmarks;

/// <summary>Entry point: parses options, runs the selected cases, prints the table and writes the result files.</summary>
public static class Program
{
    /// <summary>Runs the harness; see <see cref="BenchmarkOptions.Usage"/> for options and exit codes.</summary>
    public static int Main(string[] args)
    {
        try
        {
            var (options, list, help) = BenchmarkOptions.Parse(args);
            if (help)
            {
                Console.WriteLine(BenchmarkOptions.Usage);
                return 0;
            }
            if (list)
            {
                foreach (IBenchmarkCase c in BenchmarkCases.All) Console.WriteLine($"{c.Name}  {c.What}");
                return 0;
            }
            return Run(options);
        }
        catch (InputException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Run(BenchmarkOptions options)
    {
        IReadOnlyList<IBenchmarkCase> cases = BenchmarkCases.Matching(options.Filter);
        if (cases.Count == 0)
        {
            throw new InputException(
                $"No case name contains '{options.Filter}'. Cases: {string.Join(", ", BenchmarkCases.All.Select(c => c.Name))}.");
        }
        var references = new ReferenceRunner(options.Python, RepositoryPaths.ReferenceDirectory(), TimeSpan.FromMinutes(10));
        BenchmarkReport report = new BenchmarkRunner(references, Console.Error).Run(cases, options.Quick);

        Console.WriteLine();
        Console.Write(ConsoleTable.Render(report));
        Directory.CreateDirectory(options.OutputDirectory);
        string json = Path.Combine(options.OutputDirectory, "results.json");
        string markdown = Path.Combine(options.OutputDirectory, "results.md");
        AtomicFile.WriteAllText(json, JsonReport.Render(report));
        AtomicFile.WriteAllText(markdown, MarkdownReport.Render(report));
        Console.WriteLine();
        Console.WriteLine($"Wrote {json} and {markdown}.");
        if (!report.Passed) Console.Error.WriteLine("Not passed: a target is not met, a reference failed, or an output differs from its reference.");
        return report.Passed ? 0 : 1;
    }
}
