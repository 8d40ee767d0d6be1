using System.CommandLine;
using System.Globalization;
using Research.Notebooks.Runner;
using Research.Notebooks.Setup;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research notebooks setup</c>: prepares Jupyter to run the notebooks; <c>research notebooks run PATHS... --out DIR</c>:
/// executes notebooks headlessly on the real .NET Interactive C# kernel and writes executed .ipynb and HTML.
/// </summary>
public static class NotebooksCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("notebooks", "Polyglot C# notebooks: set up Jupyter for them, run them headlessly.");
        command.Subcommands.Add(CreateSetup(context));
        command.Subcommands.Add(CreateRun(context));
        return command;
    }

    /// <summary>The clone of the repository around the current folder, else around this program; null when neither is in one.</summary>
    public static string? FindRepository() =>
        NotebookSetupOptions.FindRepository(Environment.CurrentDirectory) ?? NotebookSetupOptions.FindRepository(AppContext.BaseDirectory);

    private static Command CreateSetup(CliContext context)
    {
        var command = new Command("setup",
            "Build notebooks/.lib (what the notebooks reference), install the kernel tool " + KernelTool.PackageId + " " + KernelTool.Version +
            " and register the .net-csharp Jupyter kernel, as needed; quiet when all is in place. Exit 1 when a prerequisite is missing.");
        command.SetAction(_ =>
        {
            string repository = FindRepository() ?? throw new InputException(
                "research notebooks setup: run it inside a clone of the repository (no Research.sln with src/Research.Notebooks above the current folder or this program).");
            try
            {
                NotebookSetup.Run(new NotebookSetupOptions { RepositoryRoot = repository }, line => context.Console.WriteLine(line));
                return ExitCodes.Ok;
            }
            catch (NotebookSetupException e)
            {
                context.Error.WriteLine($"research notebooks setup: {e.Message}");
                return ExitCodes.CheckFailed;
            }
        });
        return command;
    }

    private static Command CreateRun(CliContext context)
    {
        var paths = new Argument<string[]>("PATHS") { Description = "Notebooks (.ipynb) or folders of notebooks (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder for the executed notebooks (NAME.ipynb) and pages (NAME.html).", Required = true };
        var quick = new Option<bool>("--quick") { Description = "Set quick = true in notebooks that declare it (small, fast settings for CI)." };
        var parameters = new Option<string[]>("--param") { Description = "Override a parameter of the cell tagged 'parameters': name=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var timeout = new Option<double>("--timeout") { Description = "Time limit per cell in seconds (default 600).", DefaultValueFactory = _ => 600 };
        var command = new Command("run", "Execute notebooks cell by cell on the .NET Interactive C# kernel (in this process); write executed .ipynb (nbformat 4.5) and standalone HTML. Exit 1 naming the failing cell.")
        {
            paths, outDir, quick, parameters, timeout,
        };
        command.SetAction(parse =>
        {
            var options = new NotebookRunOptions
            {
                OutputFolder = parse.GetValue(outDir)!,
                Quick = parse.GetValue(quick),
                Parameters = ParseParameters(parse.GetValue(parameters) ?? []),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            options.Validate();
            var files = Expand(parse.GetValue(paths)!);
            int failed = 0;
            foreach (string file in files)
            {
                var result = NotebookRunner.Run(file, options, line => context.Error.WriteLine(line));
                if (result.Failure is { } failure)
                {
                    failed++;
                    context.Error.WriteLine($"research: {file}: {failure}");
                }
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(result.Succeeded ? "ok    " : "FAILED")} {file}: {result.CellsRun} cells in {result.Elapsed.TotalSeconds:F1} s -> {result.ExecutedNotebook}, {result.Html}"));
            }
            return failed == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Dictionary<string, string> ParseParameters(string[] values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new InputException($"--param '{value}': write name=value.");
            result[value[..eq].Trim()] = value[(eq + 1)..];
        }
        return result;
    }

    private static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path)) files.Add(path);
            else throw new InputException($"{path}: no such notebook or folder.");
        }
        var duplicate = files.GroupBy(Path.GetFileNameWithoutExtension).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InputException($"Two notebooks are named {duplicate.Key} ({string.Join(", ", duplicate)}); their outputs would collide in --out. Run them separately.");
        return files;
    }
}
