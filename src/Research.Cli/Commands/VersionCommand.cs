using System.CommandLine;
using Research.IO;
using Research.Torch.Runtime;

namespace Research.Cli.Commands;

/// <summary><c>research version</c>: library, .NET, TorchSharp and libtorch versions and the device.</summary>
public static class VersionCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (one object) instead of the table." };
        var command = new Command("version", "Show the library, .NET, TorchSharp and libtorch versions and the device that would be used.") { json };
        command.SetAction(parse =>
        {
            var report = VersionReport.Collect();
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Json.Serialize(report));
                return ExitCodes.Ok;
            }
            var table = new TableOutput("component", "version");
            table.Add("research library", report.Library + (report.GitCommit is null ? "" : $" ({report.GitCommit[..Math.Min(12, report.GitCommit.Length)]})"));
            table.Add(".NET", report.Dotnet);
            table.Add("TorchSharp", report.Torchsharp);
            table.Add("libtorch", $"{report.Libtorch} ({report.Backend})");
            table.Add("device", report.Device);
            table.Write(context, json: false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
