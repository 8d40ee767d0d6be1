using System.CommandLine;
using Research.Notebooks.Setup;
using Research.Torch.Diagnostics;

namespace Research.Cli.Commands;

/// <summary><c>research doctor</c>: checks the environment and says how to fix what is broken.</summary>
public static class DoctorCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var json = TableOutput.JsonOption;
        var command = new Command("doctor", "Check the .NET runtime, image codecs, libtorch, CUDA, optional tools and the notebook set-up; exit 0 when the core works.") { json };
        command.SetAction(parse =>
        {
            var notebooks = new NotebookSetupOptions { RepositoryRoot = NotebooksCommand.FindRepository() ?? "" };
            var checks = EnvironmentDoctor.RunAll().Concat(NotebookChecks.Run(notebooks)).ToList();
            var table = new TableOutput("check", "status", "found", "how to fix");
            foreach (var check in checks)
            {
                var (status, markup) = check.Status switch
                {
                    CheckStatus.Ok => ("ok", "[green]ok[/]"),
                    CheckStatus.Warning => ("optional, missing", "[yellow]optional, missing[/]"),
                    _ => check.Required ? ("FAILED", "[red]FAILED[/]") : ("failed", "[red]failed[/]"),
                };
                table.Add(check.Name, new Cell(status, Markup: markup), check.Detail, check.Fix);
            }
            bool works = EnvironmentDoctor.CoreWorks(checks);
            table.Write(context, parse.GetValue(json), works ? "The core works." : "The core does not work: fix the FAILED checks above.");
            return works ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }
}
