using Spectre.Console;
using System.CommandLine;
using Research.Datasets.Synthetic;
using Research.IO;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary><c>research datasets ...</c>: dataset verbs: <c>list</c>, <c>show</c>, <c>validate</c>, <c>fetch</c>, <c>synth</c>.</summary>
public static class DatasetsCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CliContext context)
    {
        var datasets = new Command("datasets", "Work with datasets: list the manifests, show one, validate a local copy, fetch, generate the synthetic set.");
        datasets.Options.Add(DatasetsVerbs.Manifests);
        datasets.Subcommands.Add(DatasetsVerbs.CreateList(context));
        datasets.Subcommands.Add(DatasetsVerbs.CreateShow(context));
        datasets.Subcommands.Add(DatasetsValidateCommand.Create(context));
        datasets.Subcommands.Add(DatasetsFetchCommand.Create(context));
        datasets.Subcommands.Add(CreateSynth(context));
        return datasets;
    }

    private static Command CreateSynth(CliContext context)
    {
        var outDir = new Option<string>("--out") { Description = "Output folder (its parent must exist).", Required = true };
        var options = new SyntheticOptions();
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var layout = new Option<string>("--layout")
        {
            Description = "synthetic (default): the synthetic-nuclei images; ctc: the synthetic-timelapse sequence in the Cell Tracking Challenge layout (--count frames).",
            DefaultValueFactory = _ => "synthetic",
        };
        layout.AcceptOnlyFromAmong("synthetic", "ctc");
        var command = new Command("synth", "Generate the synthetic-nuclei dataset (DIR/images/<id>.png, DIR/labels/<id>.tif: 16-bit instance labels) or, with --layout ctc, the synthetic-timelapse sequence (DIR/01, DIR/01_GT/SEG, DIR/01_GT/TRA).")
        {
            outDir, force, layout,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(layout) == "ctc") return WriteTimelapse(context, parse, options.ReadTimelapse(parse), parse.GetValue(outDir)!, parse.GetValue(force));
            var settings = options.Read(parse);
            settings.Validate();
            var index = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
            {
                using var folder = OutputFolder.Begin(parse.GetValue(outDir)!, parse.GetValue(force));
                var written = SyntheticDatasetWriter.Write(settings, folder.Staging,
                    progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Generating synthetic nuclei", done, settings.Count))));
                folder.Commit();
                return (written, folder.Target);
            });
            context.Console.WriteLine($"Wrote {index.written.Samples.Count} images with {index.written.TotalObjects} nuclei to {index.Target}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int WriteTimelapse(CliContext context, ParseResult parse, SyntheticTimelapseOptions settings, string outDir, bool force)
    {
        settings.Validate();
        var index = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
        {
            using var folder = OutputFolder.Begin(outDir, force);
            var written = SyntheticTimelapseWriter.Write(settings, folder.Staging,
                progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Generating the synthetic time-lapse", done, settings.Count))));
            folder.Commit();
            return (written, folder.Target);
        });
        context.Console.WriteLine($"Wrote {index.written.Frames} frames with {index.written.Tracks} tracks ({index.written.Divisions} divisions) in the CTC layout to {index.Target}");
        return ExitCodes.Ok;
    }
}
