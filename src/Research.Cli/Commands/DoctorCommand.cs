using System.CommandLine;
using Research.Notebooks.Setup;
using Research.Torch.Diagnostics;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research doctor</c>: checks the environment and says how to fix what is broken.</summary>
public static class DoctorCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Check the .NET runtime, image codecs, libtorch, CUDA, optional tools and the notebook set-up; exit 0 when the core works.");
        command.SetAction(_ =>
        {
            var notebooks = new NotebookSetupOptions { RepositoryRoot = NotebooksCommand.FindRepository() ?? "" };
            var checks = EnvironmentDoctor.RunAll().Concat(NotebookChecks.Run(notebooks)).ToList();
            var table = new Table().AddColumn("check").AddColumn("status").AddColumn("found").AddColumn("how to fix");
            foreach (var check in checks)
            {
                string status = check.Status switch
                {
                    CheckStatus.Ok => "[green]ok[/]",
                    CheckStatus.Warning => "[yellow]optional, missing[/]",
                    _ => check.Required ? "[red]FAILED[/]" : "[red]failed[/]",
                };
                table.AddRow(Markup.Escape(check.Name), status, Markup.Escape(check.Detail), Markup.Escape(check.Fix ?? ""));
            }
            context.Console.Write(table);
            bool works = EnvironmentDoctor.CoreWorks(checks);
            context.Console.WriteLine(works ? "The core works." : "The core does not work: fix the FAILED checks above.");
            return works ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }
}
