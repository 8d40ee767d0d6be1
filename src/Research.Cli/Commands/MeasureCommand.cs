using Spectre.Console;
using System.CommandLine;
using Research.Datasets.Manifests;
using Research.Measurements;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research measure --labels DIR [--images DIR] --out DIR</c> (or <c>--dataset ID --root DIR</c>, optionally with
/// <c>--pred DIR</c> beside the truth): per-object region properties (<see cref="MeasureRun"/>).
/// </summary>
public static class MeasureCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var labels = new Option<string>("--labels") { Description = "Folder of label images (PNG/TIFF; 0 = background, each other value one object)." };
        var images = new Option<string>("--images") { Description = "Folder of intensity images matched to --labels by file stem (grey or colour; optional)." };
        var dataset = new Option<string>("--dataset") { Description = "Measure a manifest dataset's truth instead of --labels (e.g. dsb2018 with --root .../stage1_train)." };
        var root = new Option<string>("--root") { Description = "The split folder of --dataset." };
        var pred = new Option<string>("--pred") { Description = "Folder of predicted label images, measured beside the truth (matched by stem); tables go to truth/ and pred/." };
        var outDir = new Option<string>("--out") { Description = "Output folder: objects.csv, images.csv, rois.jsonld, report.html, provenance.json.", Required = true };
        var noReport = new Option<bool>("--no-report") { Description = "Skip report.html." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var command = new Command("measure", "Measure every object of label images (scikit-image regionprops definitions): objects.csv, images.csv, report and ROI JSON-LD.")
        {
            labels, images, dataset, root, pred, outDir, noReport, force,
        };
        command.SetAction(parse =>
        {
            var (truth, title, ontology) = Truth(parse, labels, images, dataset, root);
            var sets = new List<MeasureSet>();
            if (parse.GetValue(pred) is { } predFolder)
            {
                sets.Add(new MeasureSet("truth", "truth", truth));
                sets.Add(new MeasureSet("pred", "pred", MeasureSources.Predictions(predFolder, truth)));
            }
            else
            {
                sets.Add(new MeasureSet("objects", "", truth));
            }
            int total = sets.Sum(s => s.Inputs.Count);
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress => MeasureRun.Run(sets, title, ontology, parse.GetValue(outDir)!, parse.GetValue(force),
                report: !parse.GetValue(noReport), commandLine: context.CommandLine,
                progress: progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Measuring", done, total)))));
            foreach (var (set, measured) in result.Sets)
            {
                context.Console.WriteLine($"{set.Name}: {measured.Count} images, {measured.Sum(i => i.Objects.Count)} objects");
            }
            context.Console.WriteLine($"Wrote {result.Folder}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (IReadOnlyList<MeasureInput> Inputs, string Title, OntologyTerms? Ontology) Truth(ParseResult parse,
        Option<string> labels, Option<string> images, Option<string> dataset, Option<string> root)
    {
        string? folder = parse.GetValue(labels), id = parse.GetValue(dataset);
        if ((folder is null) == (id is null)) throw new InputException("Give exactly one of --labels DIR (label images) or --dataset ID --root DIR (a manifest dataset's split).");
        if (folder is not null) return (MeasureSources.FromFolders(folder, parse.GetValue(images)), Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), null);
        if (parse.GetValue(images) is not null) throw new InputException($"--images is for --labels; --dataset {id} measures the dataset's own images.");
        string splitRoot = parse.GetValue(root) ?? throw new InputException($"--dataset {id} needs --root DIR, the folder of the split (e.g. .../dsb2018/stage1_train).");
        DatasetManifest manifest = ManifestRegistry.Load().Get(id!);
        return (MeasureSources.FromDataset(manifest, splitRoot), $"{manifest.Id} {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(splitRoot)))}", manifest.Ontology);
    }
}
