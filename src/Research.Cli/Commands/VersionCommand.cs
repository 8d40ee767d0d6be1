using System.CommandLine;
using Research.IO;
using Research.Torch.Runtime;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research version</c>: library, .NET, TorchSharp and libtorch versions and the device.</summary>
public static class VersionCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("version", "Show the library, .NET, TorchSharp and libtorch versions and the device that would be used.") { json };
        command.SetAction(parse =>
        {
            var report = VersionReport.Collect();
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Json.Serialize(report));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("component").AddColumn("version");
            table.AddRow("research library", Markup.Escape(report.Library + (report.GitCommit is null ? "" : $" ({report.GitCommit[..Math.Min(12, report.GitCommit.Length)]})")));
            table.AddRow(".NET", Markup.Escape(report.Dotnet));
            table.AddRow("TorchSharp", Markup.Escape(report.Torchsharp));
            table.AddRow("libtorch", Markup.Escape($"{report.Libtorch} ({report.Backend})"));
            table.AddRow("device", Markup.Escape(report.Device));
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
