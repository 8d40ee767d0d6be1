using Spectre.Console;
using System.CommandLine;
using Research.Datasets.Layouts;
using Research.Datasets.Validation;
using Research.IO;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary><c>research datasets validate ID --root DIR [--split NAME] [--json FILE]</c>: exit 0 valid, 1 problems found, 2 bad usage.</summary>
public static class DatasetsValidateCommand
{
    /// <summary>Most problems printed; the JSON report holds them all.</summary>
    private const int PrintedProblems = 50;

    /// <summary>Creates the verb.</summary>
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Dataset id (see 'research datasets list')." };
        var root = new Option<string>("--root") { Description = "Folder of one split of the local copy (e.g. .../dsb2018/stage1_train).", Required = true };
        var split = new Option<string?>("--split") { Description = "Manifest split to compare counts with (default: the split whose folder name equals the root's)." };
        var json = new Option<string?>("--json") { Description = "Also write the full report as JSON to this file." };
        var command = new Command("validate", "Check a local copy: every image has its masks, sizes agree, declared mask values only, no overlapping instances, counts and checksums as in the manifest.")
        {
            id, root, split, json,
        };
        command.SetAction(parse =>
        {
            var manifest = DatasetsVerbs.Registry(parse).Get(parse.GetValue(id)!);
            var options = new ValidationOptions { Split = parse.GetValue(split) };
            ValidationReport report = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
                DatasetValidator.Validate(manifest, parse.GetValue(root)!, new LayoutReaders(), options,
                    progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Validating", done, 0)))));
            Print(context, report);
            if (parse.GetValue(json) is string file) Json.Write(file, report);
            return report.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static void Print(CliContext context, ValidationReport r)
    {
        var c = context.Console;
        c.WriteLine($"{r.Dataset} at {r.Root} (split {r.Split ?? "not in the manifest"}): {r.Images} images, {r.AnnotatedImages} with truth, {r.MaskFiles} mask files, {r.Objects} objects, {r.NegativeImages} without objects; {r.Seconds:0.0} s");
        if (r.Valid)
        {
            c.WriteLine("Valid: no problem found.");
            return;
        }
        c.WriteLine($"Invalid: {r.Problems.Count} problem(s)");
        foreach (var group in r.Problems.GroupBy(p => p.Kind)) c.WriteLine($"  {group.Key}: {group.Count()}");
        foreach (DatasetProblem p in r.Problems.Take(PrintedProblems)) c.WriteLine($"  [{p.Kind}] {p.Path}: {p.Message}");
        if (r.Problems.Count > PrintedProblems) c.WriteLine($"  ... and {r.Problems.Count - PrintedProblems} more (use --json FILE for all).");
    }
}
