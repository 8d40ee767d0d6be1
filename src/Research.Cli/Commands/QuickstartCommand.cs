using Spectre.Console;
using System.CommandLine;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary><c>research quickstart</c>: the main job on the embedded synthetic dataset.</summary>
public static class QuickstartCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var outDir = new Option<string>("--out") { Description = "Output folder (default quickstart-output).", DefaultValueFactory = _ => "quickstart-output" };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs of the small U-Net (default 5).", DefaultValueFactory = _ => 5 };
        var dataset = new SyntheticOptions();
        var command = new Command("quickstart", "Run the main job on the embedded synthetic-nuclei dataset: data, preview, summary, provenance.") { outDir, force, epochs };
        dataset.AddTo(command);
        command.SetAction(parse =>
        {
            var options = new QuickstartOptions
            {
                OutputFolder = parse.GetValue(outDir)!,
                Force = parse.GetValue(force),
                Dataset = dataset.Read(parse),
                Training = new QuickstartOptions().Training with { Epochs = parse.GetValue(epochs) },
                CommandLine = context.CommandLine,
            };
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress => Quickstart.Run(options, progress));
            context.Console.WriteLine($"Quickstart wrote {result.OutputFolder}:");
            foreach (var file in result.Files) context.Console.WriteLine($"  {file}");
            context.Console.WriteLine($"{result.Dataset.Samples.Count} images, {result.Dataset.TotalObjects} nuclei. Open summary.md, preview.png and learning_curves.html.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
