using System.CommandLine;
using Research.Augmentation;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research augment</c>: writes every fold of an image and its mask (113-fold scheme or D4).</summary>
public static class AugmentCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var image = new Option<string>("--image") { Description = "The image (PNG, JPEG, BMP or TIFF, any bit depth).", Required = true };
        var mask = new Option<string?>("--mask") { Description = "Its mask or label image (same size, one channel); gets the identical folds." };
        var maskKind = new Option<string>("--mask-kind") { Description = "labels (whole numbers, default) or binary (0 and one other value).", DefaultValueFactory = _ => "labels" };
        var scheme = new Option<string>("--scheme") { Description = $"Fold scheme: {FoldSchemes.ValidNames} (default fold113).", DefaultValueFactory = _ => "fold113" };
        var outDir = new Option<string>("--out") { Description = "Output folder: index.csv, images/NNN.ext, masks/NNN.ext.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var command = new Command("augment", "Write the folds of an image and its mask: fold113 (rotation, flip, circular shift by eighths) or d4.")
        {
            image, mask, maskKind, scheme, outDir, force,
        };
        command.SetAction(parse =>
        {
            var options = new FoldWriteOptions
            {
                ImagePath = parse.GetValue(image)!,
                MaskPath = parse.GetValue(mask),
                MaskKind = ParseMaskKind(parse.GetValue(maskKind)!),
                Scheme = FoldSchemes.Parse(parse.GetValue(scheme)!),
                OutputFolder = parse.GetValue(outDir)!,
                Force = parse.GetValue(force),
            };
            var result = FoldWriter.Write(options);
            context.Console.WriteLine($"Wrote {result.Folds.Count} folds{(result.WithMask ? " of the image and mask" : "")} to {result.OutputFolder} (index.csv)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static MaskKind ParseMaskKind(string value) => value.Trim().ToLowerInvariant() switch
    {
        "labels" => MaskKind.Labels,
        "binary" => MaskKind.Binary,
        _ => throw new InputException($"--mask-kind must be labels or binary, got '{value}'."),
    };
}
