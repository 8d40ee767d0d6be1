using System.CommandLine;
using Research.Encodings;
using Research.Torch.Workflows;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research rle decode|encode</c>: Kaggle run-length encoding to and from 16-bit label TIFFs.</summary>
public static class RleCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CliContext context)
    {
        var rle = new Command("rle", "Kaggle run-length encoding (DSB2018, ultrasound nerve): decode a CSV to label images, encode label images to a CSV.");
        rle.Subcommands.Add(CreateDecode(context));
        rle.Subcommands.Add(CreateEncode(context));
        return rle;
    }

    private static Command CreateDecode(CliContext context)
    {
        var csv = new Option<string>("--csv") { Description = "The RLE CSV (ImageId,EncodedPixels[,Height,Width,...]).", Required = true };
        var outDir = new Option<string>("--out") { Description = "Output folder for <ImageId>.tif (16-bit labels 1..n in CSV row order).", Required = true };
        var images = new Option<string?>("--images") { Description = "Folder giving image sizes when the CSV has no Height/Width: <ImageId>.png or <ImageId>/images/<ImageId>.png." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var command = new Command("decode", "Decode an RLE CSV into one 16-bit label TIFF per ImageId.") { csv, outDir, images, force };
        command.SetAction(parse =>
        {
            var summary = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
                RleFolders.Decode(parse.GetValue(csv)!, parse.GetValue(outDir)!, parse.GetValue(images), parse.GetValue(force),
                    progress is null ? null : new Progress<(int Done, int Total)>(p => progress.Report(new WorkflowProgress("Decoding", p.Done, p.Total)))));
            context.Console.WriteLine($"Wrote {summary.Images} label images with {summary.Objects} objects to {summary.Output}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateEncode(CliContext context)
    {
        var labels = new Option<string>("--labels") { Description = "Folder of label images (.tif, .tiff, .png); ImageId = file name without extension.", Required = true };
        var outFile = new Option<string>("--out") { Description = "The CSV to write (ImageId,EncodedPixels; canonical runs, one row per object in label order).", Required = true };
        var sizes = new Option<bool>("--sizes") { Description = "Also write Height and Width columns." };
        var command = new Command("encode", "Encode label images into an RLE CSV; an image without objects gets one row with empty EncodedPixels.") { labels, outFile, sizes };
        command.SetAction(parse =>
        {
            var summary = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress =>
                RleFolders.Encode(parse.GetValue(labels)!, parse.GetValue(outFile)!, parse.GetValue(sizes),
                    progress is null ? null : new Progress<(int Done, int Total)>(p => progress.Report(new WorkflowProgress("Encoding", p.Done, p.Total)))));
            context.Console.WriteLine($"Wrote {summary.Objects} objects of {summary.Images} images to {summary.Output}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
