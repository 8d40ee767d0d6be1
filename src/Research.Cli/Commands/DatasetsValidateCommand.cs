using Spectre.Console;
using System.Globalization;
using System.CommandLine;
using Research.Datasets.Layouts;
using Research.Datasets.Validation;
using Research.IO;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary><c>research datasets validate ID --root DIR [--split NAME] [--json FILE]</c>: exit 0 valid, 1 problems found (or nothing found), 2 bad usage.</summary>
public static class DatasetsValidateCommand
{
    /// <summary>Most problems printed per split; the JSON report holds them all.</summary>
    private const int PrintedProblems = 50;

    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Dataset id (see 'research datasets list')." };
        var root = new Option<string>("--root") { Description = "The dataset's root (e.g. .../dsb2018); its splits are found as the manifest says. A split's own folder is accepted with a note.", Required = true };
        var split = new Option<string?>("--split") { Description = "Check only this manifest split (default: every split found under the root)." };
        var json = new Option<string?>("--json") { Description = "Also write the full report as JSON to this file." };
        var command = new Command("validate", "Check a local copy: images are found, every image has its masks, sizes agree, declared mask values only, no overlapping instances, counts and checksums as in the manifest.")
        {
            id, root, split, json,
        };
        command.SetAction(parse =>
        {
            var manifest = DatasetsVerbs.Registry(parse).Get(parse.GetValue(id)!);
            var options = new ValidationOptions { Split = parse.GetValue(split) };
            DatasetValidation report = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
                DatasetValidator.ValidateDataset(manifest, parse.GetValue(root)!, new LayoutReaders(), options,
                    progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Validating", done, 0)))));
            Print(context, report);
            if (parse.GetValue(json) is string file) Json.Write(file, report);
            return report.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    /// <summary>Prints the notes, one summary and the problems per split, and the verdict.</summary>
    public static void Print(CliContext context, DatasetValidation v)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(v);
        var c = context.Console;
        foreach (string note in v.Notes) c.WriteLine($"Note: {note}");
        foreach (DatasetProblem p in v.Problems) c.WriteLine($"  [{p.Kind}] {p.Path}: {p.Message}");
        foreach (ValidationReport r in v.Splits)
        {
            c.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Dataset} split {r.Split ?? "(not in the manifest)"} at {r.Root}: {r.Images} images, {r.AnnotatedImages} with truth, {r.MaskFiles} mask files, {r.Objects} objects, {r.NegativeImages} without objects; {r.Seconds:0.0} s"));
            if (r.Valid) continue;
            foreach (var group in r.Problems.GroupBy(p => p.Kind)) c.WriteLine($"  {group.Key}: {group.Count()}");
            foreach (DatasetProblem p in r.Problems.Take(PrintedProblems)) c.WriteLine($"  [{p.Kind}] {p.Path}: {p.Message}");
            if (r.Problems.Count > PrintedProblems) c.WriteLine($"  ... and {r.Problems.Count - PrintedProblems} more (use --json FILE for all).");
        }
        int problems = v.Problems.Count + v.Splits.Sum(s => s.Problems.Count);
        c.WriteLine(v.Valid ? "Valid: no problem found." : $"Invalid: {problems} problem(s).");
    }
}
