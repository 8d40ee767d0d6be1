using System.CommandLine;
using Research.Cli.Commands;
using Research.Torch.Runtime;
using Spectre.Console;

namespace Research.Cli;

/// <summary>Builds the command tree, runs it, and turns errors into one-line messages and exit codes.</summary>
public static class CliApp
{
    /// <summary>The <c>--quiet</c> option shared by every command: no progress bars.</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "No progress bars (also off when standard error is not a terminal).", Recursive = true };

    /// <summary>
    /// Runs <paramref name="args"/>, writing to the given writers; returns the exit code. <paramref name="interactive"/>:
    /// standard output is a terminal (tables drawn; otherwise tab-separated, nothing wrapped); <paramref name="errorInteractive"/>:
    /// standard error is a terminal (progress bars drawn there).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive, bool errorInteractive = false)
    {
        var context = new CliContext(Console(output, interactive), error, interactive, "research " + string.Join(' ', args))
        {
            ErrorConsole = Console(error, errorInteractive),
            ErrorInteractive = errorInteractive,
        };
        var root = BuildRoot(context);

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) error.WriteLine($"research: {problem.Message}");
            error.WriteLine($"Run '{UsageHint(parsed)} --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (InputException e)
        {
            error.WriteLine($"research: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Research.Torch.Training.TrainingFailedException e)
        {
            error.WriteLine($"research: {e.Message}");
            return ExitCodes.CheckFailed;
        }
        catch (TorchUnavailableException e)
        {
            error.WriteLine($"research: {e.Message}");
            return ExitCodes.CheckFailed;
        }
        catch (IOException e)
        {
            error.WriteLine($"research: {e.Message}");
            return ExitCodes.CheckFailed;
        }
    }

    /// <summary>The full command tree.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Biomedical image segmentation research environment: datasets, datasheets, augmentation, U-Net training and metrics.");
        root.Options.Add(Quiet);
        root.Subcommands.Add(VersionCommand.Create(context));
        root.Subcommands.Add(DoctorCommand.Create(context));
        root.Subcommands.Add(DatasetsCommand.Create(context));
        root.Subcommands.Add(DatasheetCommand.Create(context));
        root.Subcommands.Add(RleCommand.Create(context));
        root.Subcommands.Add(QuickstartCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(MeasureCommand.Create(context));
        root.Subcommands.Add(AugmentCommand.Create(context));
        root.Subcommands.Add(PreprocessCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(TuneCommand.Create(context));
        root.Subcommands.Add(ModelsCommand.Create(context));
        root.Subcommands.Add(SamCommand.Create(context));
        root.Subcommands.Add(NotebooksCommand.Create(context));
        return root;
    }

    /// <summary>A Spectre console on <paramref name="writer"/>; one that is not a terminal never wraps a line.</summary>
    private static IAnsiConsole Console(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No, // Detect would look at standard output only
        });
        if (!interactive) console.Profile.Width = NoWrapWidth;
        return console;
    }

    /// <summary>The width of a console that is not a terminal: wide enough that no line is ever wrapped.</summary>
    private const int NoWrapWidth = 1_000_000;

    private static string UsageHint(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command is RootCommand ? "research" : r.Command.Name);
        }
        return string.Join(' ', names);
    }
}
