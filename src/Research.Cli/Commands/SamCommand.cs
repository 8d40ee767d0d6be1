using System.CommandLine;
using System.Globalization;
using Research.Torch.Sam;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research sam predict</c>: Segment Anything masks for box and point prompts on one image.</summary>
public static class SamCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CliContext context)
    {
        var sam = new Command("sam", "Segment Anything: masks from box and point prompts with official checkpoints (SAM vit-b, vit-l, vit-h; MobileSAM vit-t).");
        sam.Subcommands.Add(CreatePredict(context));
        return sam;
    }

    private static Command CreatePredict(CliContext context)
    {
        var weights = new Option<string>("--weights") { Description = "Checkpoint (.pth, torch.save zip format), e.g. sam_vit_b_01ec64.pth from 'research models fetch sam-vit-b'.", Required = true };
        var variant = new Option<string>("--variant") { Description = "vit-b, vit-l, vit-h (SAM) or vit-t (MobileSAM): the checkpoint's.", Required = true };
        var image = new Option<string>("--image") { Description = "The image (grey or RGB, alpha dropped; 16-bit and float images are stretched from their 0.5th-99.5th percentiles to 0-255).", Required = true };
        var boxes = new Option<string?>("--boxes") { Description = "Box prompts in image pixels, \"x0,y0,x1,y1;x0,y0,x1,y1\": one mask per box." };
        var points = new Option<string?>("--points") { Description = "Point prompts \"x,y[,label];...\" (label 1 object, default; 0 background): one prompt, joined to the box when there is one." };
        var boxesFrom = new Option<string?>("--boxes-from") { Description = "A label image of the same image (truth or another model's prediction): one box prompt per object (instead of --boxes/--points)." };
        var multimask = new Option<bool>("--multimask") { Description = "Let the decoder propose three masks per prompt and keep the one of highest predicted IoU (recommended for single points)." };
        var output = new Option<string>("--out") { Description = "Output folder (built as a whole; its parent must exist).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a non-empty output folder." };
        var command = new Command("predict", "Masks for box and point prompts on one image: OUT/STEM_k.png (0/255 at the image's size), OUT/STEM_k_logits.tif (float32 low-resolution logits), OUT/labels/STEM.tif (all masks as 16-bit instance labels, for 'research evaluate --pred OUT/labels'), OUT/predictions.json, OUT/provenance.json.")
        {
            weights, variant, image, boxes, points, boxesFrom, multimask, output, force,
        };
        command.SetAction(parse =>
        {
            var results = SamImagePrediction.Run(parse.GetValue(weights)!, parse.GetValue(variant)!, parse.GetValue(image)!, parse.GetValue(boxes),
                parse.GetValue(points), parse.GetValue(boxesFrom), parse.GetValue(multimask), parse.GetValue(output)!, parse.GetValue(force), context.CommandLine);
            foreach (var r in results)
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Image}_{r.Index}.png: {r.Area} pixels, predicted IoU {r.IouPrediction:F3}"));
            context.Console.WriteLine($"Wrote {results.Count} mask(s) to {parse.GetValue(output)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
