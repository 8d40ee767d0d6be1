using System.Globalization;
using Research.IO;
using Research.Provenance;
using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Models;
using Research.Torch.Runtime;

namespace Research.Torch.Training.Tasks;

/// <summary>What <see cref="MaskRcnnImport.Run"/> made.</summary>
/// <param name="RunFolder">The run folder.</param>
/// <param name="Classes">Classes in the file (background included).</param>
/// <param name="Parameters">Parameters as torchvision counts them.</param>
/// <param name="Sha256">SHA-256 of the imported file.</param>
public sealed record MaskRcnnImportResult(string RunFolder, int Classes, long Parameters, string Sha256);

/// <summary>
/// <c>research models import --torchvision-maskrcnn FILE</c>: a run folder from a torchvision Mask R-CNN state dict
/// (<c>torch.save(model.state_dict(), FILE)</c>, any number of classes, read with TorchSharp.PyBridge), so that
/// <c>predict</c> and <c>train --init RUN</c> take it like a trained run (<c>tune</c> needs validation images, which an import has not): <c>config.json</c> (mask-rcnn,
/// the backbone, the file's class count, frozen batch norm, RGB input scaled by its type's range as torchvision's
/// models expect), <c>checkpoints/best</c> and <c>checkpoints/last</c> at epoch 0, and <c>provenance.json</c> with the
/// file's path and SHA-256. The file must fit the backbone key for key (the error names the first mismatches). The
/// folder appears complete or not at all (written beside it, then renamed).
/// </summary>
public static class MaskRcnnImport
{
    /// <summary>Imports <paramref name="file"/> into <paramref name="runFolder"/>, which must not exist or be empty.</summary>
    public static MaskRcnnImportResult Run(string file, TrainingOptions options, string runFolder, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(file)) throw new InputException($"--torchvision-maskrcnn {file}: no such file.");
        if (Directory.Exists(runFolder) && Directory.EnumerateFileSystemEntries(runFolder).Any())
            throw new InputException($"{runFolder} exists and is not empty; choose another --out.");
        TorchRuntime.EnsureLoaded();
        string full = Path.GetFullPath(file);
        int classes = ClassCount(full);
        var config = options with { Model = ModelKind.MaskRcnn, Classes = classes, FrozenBatchNorm = true, Init = full, Epochs = Math.Max(1, options.Epochs) };
        config.Validate();
        using var model = MaskRcnnRuns.CreateModel(config);
        MaskRcnnCheckpoint.Load(model, full);
        using var optimizer = OptimizerFactory.Create(config.Optimizer, model, config.LearningRate, config.Momentum);
        string sha = FileHash.Sha256(full);
        var state = MaskRcnnRuns.ExpectedState(config, model);
        var started = DateTimeOffset.UtcNow;
        Checkpoint.ReplaceFolder(runFolder, temp =>
        {
            Json.Write(Path.Combine(temp, TrainingRun.ConfigFile), config);
            Checkpoint.Save(Path.Combine(temp, TrainingRun.BestCheckpoint), model, optimizer, state);
            Checkpoint.Save(Path.Combine(temp, TrainingRun.LastCheckpoint), model, optimizer, state);
            var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
            {
                ["imported_from"] = full,
                ["imported_sha256"] = sha,
                ["classes"] = classes.ToString(CultureInfo.InvariantCulture),
                ["backbone"] = config.Backbone,
            };
            Json.Write(Path.Combine(temp, TrainingRun.ProvenanceFile), new RunProvenance { CommandLine = commandLine, Components = components, StartedUtc = started, FinishedUtc = DateTimeOffset.UtcNow });
        });
        return new MaskRcnnImportResult(runFolder, classes, model.TorchvisionParameterCount, sha);
    }

    // The class count of the file's box classifier (background included).
    private static int ClassCount(string path)
    {
        var tensors = TorchStateDict.Read(path, "a torchvision Mask R-CNN state dict");
        try
        {
            var key = tensors.Keys.FirstOrDefault(k => k.EndsWith("roi_heads.box_predictor.cls_score.weight", StringComparison.Ordinal))
                ?? throw new InputException($"{path}: no roi_heads.box_predictor.cls_score.weight; this is not a torchvision Mask R-CNN state dict (its first key is {tensors.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "none"}).");
            return (int)tensors[key].shape[0];
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }
}
