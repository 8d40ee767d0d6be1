using System.CommandLine;
using System.Globalization;
using Research.Datasets.Download;
using Research.ModelWeights;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research models ...</c>: <c>list</c> (the trainable architectures and their parameter counts) and the published
/// weights files described by <c>model-manifests/</c>: <c>weights</c>, <c>show ID</c>, <c>fetch ID --out DIR</c>
/// (download, check, rename into place) and <c>verify FILE --model ID</c> (exit 1 when the file is not the published one).
/// </summary>
public static class ModelsCommand
{
    private static readonly Option<string?> Manifests = new("--model-manifests") { Description = "Folder of the model manifests (default: model-manifests beside the program, else in the repository).", Recursive = true };

    /// <summary>Creates the command group.</summary>
    public static Command Create(CliContext context)
    {
        var models = new Command("models", "Models: the trainable architectures; published weights (list the manifests, show one, fetch a file with its SHA-256 checked, verify a file you have).");
        models.Options.Add(Manifests);
        models.Subcommands.Add(CreateList(context));
        models.Subcommands.Add(CreateWeights(context));
        models.Subcommands.Add(CreateShow(context));
        models.Subcommands.Add(CreateFetch(context));
        models.Subcommands.Add(CreateVerify(context));
        models.Subcommands.Add(CreateImport(context));
        return models;
    }

    private static ModelManifestRegistry Registry(ParseResult parse) => ModelManifestRegistry.Load(parse.GetValue(Manifests));

    private static Command CreateList(CliContext context)
    {
        var json = TableOutput.JsonOption;
        var command = new Command("list", "Table of the trainable architectures (train --model NAME [--backbone B]): output, base filters and parameters at train's defaults (grey input, one output; mask-rcnn with 2 classes, as torchvision counts them), input stride (tab-separated when piped; --json).") { json };
        command.SetAction(parse =>
        {
            var entries = Research.Torch.Models.ModelCatalog.Entries();
            var table = new TableOutput("model", "backbone", "output", "base_filters", "parameters", "stride");
            foreach (var e in entries)
            {
                table.Add(e.Name, new Cell(e.Backbone, e.Backbone ?? "-"), e.Output, new Cell(e.BaseFilters, e.BaseFilters?.ToString(CultureInfo.InvariantCulture) ?? (e.Backbone is null ? "fixed" : "-")),
                    new Cell(e.Parameters, e.Parameters.ToString(CultureInfo.InvariantCulture)), new Cell(e.Stride));
            }
            table.Write(context, parse.GetValue(json), $"{entries.Count} architectures (mask-rcnn once per backbone, with 2 classes); published weights: 'research models weights'");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateImport(CliContext context)
    {
        var defaults = new Research.Torch.Training.TrainingOptions();
        var file = new Option<string>("--torchvision-maskrcnn") { Description = "A torchvision Mask R-CNN state dict (torch.save(model.state_dict(), FILE)), any number of classes, e.g. the COCO weights of maskrcnn_resnet50_fpn.", Required = true };
        var backbone = new Option<string>("--backbone") { Description = $"The file's backbone: {string.Join(", ", Research.Torch.Detection.MaskRcnn.ResNetBody.Names)} (default resnet50).", DefaultValueFactory = _ => "resnet50" };
        var output = new Option<string>("--out") { Description = "The run folder to make (must not exist or be empty).", Required = true };
        var scale = new Option<double>("--detection-scale") { Description = $"Magnification of images before the network at prediction (default {defaults.DetectionScale}).", DefaultValueFactory = _ => defaults.DetectionScale };
        var colour = new Option<string>("--colour") { Description = "Model input: rgb (torchvision's models) or grey repeated into three channels (default rgb).", DefaultValueFactory = _ => "rgb" };
        var normalize = new Option<string>("--normalize") { Description = "Input scaling: type-range (0-255 to [0, 1], torchvision's), percentile, minmax, zscore (default type-range).", DefaultValueFactory = _ => "type-range" };
        var detections = new Option<int>("--detections") { Description = $"Most detections per image (default {defaults.DetectionsPerImage}).", DefaultValueFactory = _ => defaults.DetectionsPerImage };
        var command = new Command("import", "Make a run folder from a torchvision Mask R-CNN state dict, for predict and train --init.") { file, backbone, output, scale, colour, normalize, detections };
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Model = Research.Torch.Models.ModelKind.MaskRcnn,
                Backbone = parse.GetValue(backbone)!,
                DetectionScale = parse.GetValue(scale),
                Colour = Research.Torch.Training.Names.Colour(parse.GetValue(colour)!),
                Normalization = new Research.Torch.Training.InputNormalization { Scaling = Research.Torch.Training.Names.Scaling(parse.GetValue(normalize)!) },
                DetectionsPerImage = parse.GetValue(detections),
            };
            var result = Research.Torch.Training.Tasks.MaskRcnnImport.Run(parse.GetValue(file)!, options, parse.GetValue(output)!, context.CommandLine);
            context.Console.WriteLine(FormattableString.Invariant(
                $"Imported mask-rcnn ({options.Backbone}, {result.Classes} classes, {result.Parameters:N0} parameters; sha256 {result.Sha256}) into {result.RunFolder}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateWeights(CliContext context)
    {
        var json = TableOutput.JsonOption;
        var command = new Command("weights", "Table of the published weights files with a manifest: id, family, variant, file, size, licence (tab-separated when piped; --json).") { json };
        command.SetAction(parse =>
        {
            var registry = Registry(parse);
            var table = new TableOutput("id", "family", "variant", "file", "bytes", "licence");
            foreach (ModelManifest m in registry.All)
            {
                table.Add(m.Id, m.Family, m.Variant, m.File, new Cell(m.Bytes, m.Bytes?.ToString(CultureInfo.InvariantCulture) ?? "?"), m.Licence);
            }
            table.Write(context, parse.GetValue(json), $"{registry.All.Count} weights files; manifests in {registry.Folder}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Weights id (see 'research models weights')." };
        var json = new Option<bool>("--json") { Description = "Print the manifest as JSON instead of the summary." };
        var command = new Command("show", "What one weights file is, where it comes from, how it is checked, its licence and citation.") { id, json };
        command.SetAction(parse =>
        {
            ModelManifest m = Registry(parse).Get(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Research.IO.Json.Serialize(m));
                return ExitCodes.Ok;
            }
            var c = context.Console;
            c.WriteLine($"{m.Id}: {m.Name}");
            c.WriteLine($"Model:     {m.Family} {m.Variant}");
            c.WriteLine($"File:      {m.File}, {(m.Bytes is long b ? b.ToString("N0", CultureInfo.InvariantCulture) + " bytes" : "size not published")}");
            c.WriteLine($"Download:  {m.Url} (documented at {m.Page})");
            c.WriteLine($"SHA-256:   {(m.Sha256.Length > 0 ? m.Sha256 : "not published")}");
            if (m.ChecksumSource.Length > 0) c.WriteLine($"Checksums: {m.ChecksumSource}");
            c.WriteLine($"Licence:   {m.Licence}");
            c.WriteLine($"Cite:      {m.Citation}");
            if (m.Notes.Length > 0) c.WriteLine($"Notes:     {m.Notes}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateFetch(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Weights id (see 'research models weights')." };
        var outDir = new Option<string>("--out") { Description = "Folder to put the file in (created if missing; its parent must exist). Run again to resume.", Required = true };
        var command = new Command("fetch", "Download a weights file into DIR (resumable; the SHA-256 is checked before the file gets its name, and a mismatch leaves nothing).") { id, outDir };
        command.SetAction(parse =>
        {
            ModelManifest m = Registry(parse).Get(parse.GetValue(id)!);
            using var http = context.Downloader is null ? new HttpDatasetDownloader() : null;
            var result = new WeightsFetcher(context.Downloader ?? http!).FetchAsync(m, parse.GetValue(outDir)!, null, CancellationToken.None).GetAwaiter().GetResult();
            context.Console.WriteLine($"{(result.Downloaded ? "Downloaded" : "Already there:")} {result.Check.Path}: {result.Check.Bytes} bytes, SHA-256 {result.Check.Sha256} as the manifest says. Licence {m.Licence}; cite: {m.Citation}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateVerify(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The weights file." };
        var model = new Option<string>("--model") { Description = "Weights id it should be (see 'research models weights').", Required = true };
        var command = new Command("verify", "Check a weights file's size and SHA-256 against its manifest (exit 0 when it is the published file, 1 when not).") { file, model };
        command.SetAction(parse =>
        {
            ModelManifest m = Registry(parse).Get(parse.GetValue(model)!);
            var check = WeightsCheck.Of(parse.GetValue(file)!, m);
            var c = context.Console;
            if (!check.Checked)
            {
                c.WriteLine($"{check.Path}: {check.Bytes} bytes, SHA-256 {check.Sha256}; {m.Id} has no published size or digest to compare with.");
                return ExitCodes.CheckFailed;
            }
            if (check.Valid)
            {
                c.WriteLine($"{check.Path}: {m.Id} ({check.Bytes} bytes, SHA-256 {check.Sha256}).");
                return ExitCodes.Ok;
            }
            context.Error.WriteLine($"{check.Path} is not {m.Id}'s published file: {string.Join("; ", check.Problems)}.");
            return ExitCodes.CheckFailed;
        });
        return command;
    }
}
