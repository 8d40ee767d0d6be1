using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using Research.Datasheets;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research datasheet ID [--root DIR] --out DIR [--split NAME] [--force]</c>: the datasheet of a dataset from its
/// manifest and, with <c>--root</c>, measured from a local copy. Exit 0 written, 1 written but files could not be read,
/// 2 bad usage.
/// </summary>
public static class DatasheetCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Dataset id (see 'research datasets list')." };
        var root = new Option<string?>("--root") { Description = "Local copy to measure: the dataset root or one split's folder (omit to write the datasheet from the manifest alone)." };
        var outDir = new Option<string>("--out") { Description = "Output folder: datasheet.md, datasheet.html, croissant.json, stats.json, per_image.csv, sha256sums.txt.", Required = true };
        var split = new Option<string?>("--split") { Description = "Manifest split to measure (default: the split whose folder --root is, else every split found under it)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var rois = new Option<string?>("--rois") { Description = "A research measure run's rois.jsonld to link from croissant.json." };
        var command = new Command("datasheet", "Write a datasheet (Gebru et al.): the manifest's answers with the composition measured from the data, as Markdown, HTML with figures, and Croissant JSON-LD.")
        {
            id, root, outDir, split, force, rois,
        };
        command.SetAction(parse =>
        {
            var manifest = DatasetsVerbs.Registry(parse).Get(parse.GetValue(id)!);
            var options = new DatasheetOptions { Root = parse.GetValue(root), Split = parse.GetValue(split), Force = parse.GetValue(force), Rois = parse.GetValue(rois) };
            DatasheetResult result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
                DatasheetWriter.Write(manifest, parse.GetValue(outDir)!, options, null,
                    progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Measuring", done, 0)))));
            var c = context.Console;
            if (result.Stats is { } s)
            {
                c.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{manifest.Id}: {s.Images} images, {s.Objects} objects, {s.Sizes.Count} sizes, modes {string.Join(", ", s.Modes.Select(m => $"{m.Key} {m.Value}"))}; {result.Composition.Problems.Count} problem(s); {result.Composition.Seconds:0.0} s"));
            }
            else
            {
                c.WriteLine($"{manifest.Id}: no --root given; computed parts marked '{ComputedTables.NotMeasured}'");
            }
            c.WriteLine($"Wrote {result.Folder}: {string.Join(", ", result.Files)}");
            if (result.UnreadableFiles > 0)
            {
                context.Error.WriteLine($"research: {result.UnreadableFiles} file(s) could not be read; they are listed in the datasheet's problems (composition-9).");
                return ExitCodes.CheckFailed;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
