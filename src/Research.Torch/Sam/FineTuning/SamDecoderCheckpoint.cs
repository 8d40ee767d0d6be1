using System.Text.Json;
using Research.IO;
using Research.Torch.Training;
using TorchSharp.Modules;

namespace Research.Torch.Sam.FineTuning;

/// <summary>The <c>state.json</c> of a fine-tuning checkpoint.</summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="Variant">The model variant.</param>
/// <param name="BaseWeightsSha256">SHA-256 of the base checkpoint the decoder was fine-tuned from (the encoders' weights).</param>
/// <param name="ValSeg">Validation SEG after <paramref name="Epoch"/>.</param>
/// <param name="DecoderSha256">SHA-256 of <c>decoder.bin</c>.</param>
/// <param name="OptimizerSha256">SHA-256 of <c>optimizer.bin</c> (empty when the checkpoint has none).</param>
public sealed record SamCheckpointState(int Epoch, string Variant, string BaseWeightsSha256, double ValSeg, string DecoderSha256 = "", string OptimizerSha256 = "");

/// <summary>
/// A fine-tuning checkpoint folder holds only what changed: <c>decoder.bin</c> (the mask decoder's weights,
/// TorchSharp format, names relative to <c>mask_decoder.</c>), <c>optimizer.bin</c> (for <c>checkpoints/last</c>) and
/// <c>state.json</c> with the base checkpoint's SHA-256; the encoders come from the base checkpoint. Written as a whole
/// (<see cref="Checkpoint.ReplaceFolder"/>).
/// </summary>
public static class SamDecoderCheckpoint
{
    /// <summary>The decoder weights.</summary>
    public const string DecoderFile = "decoder.bin";

    /// <summary>Writes the checkpoint; <paramref name="optimizer"/> null leaves the optimiser state out.</summary>
    public static void Save(string folder, SamModel model, OptimizerHelper? optimizer, SamCheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        Checkpoint.ReplaceFolder(folder, temp =>
        {
            model.MaskDecoder.save(Path.Combine(temp, DecoderFile));
            string optimizerSha = "";
            if (optimizer is not null)
            {
                OptimizerStateFile.Save(optimizer, Path.Combine(temp, Checkpoint.OptimizerFile));
                optimizerSha = FileHash.Sha256(Path.Combine(temp, Checkpoint.OptimizerFile));
            }
            var complete = state with { DecoderSha256 = FileHash.Sha256(Path.Combine(temp, DecoderFile)), OptimizerSha256 = optimizerSha };
            File.WriteAllText(Path.Combine(temp, Checkpoint.StateFile), JsonSerializer.Serialize(complete, Checkpoint.JsonOptions) + "\n");
        });
    }

    /// <summary>Reads and checks <c>state.json</c>: the files' hashes and the base checkpoint.</summary>
    /// <exception cref="InputException">No checkpoint, a corrupt file, or a checkpoint of other base weights.</exception>
    public static SamCheckpointState ReadState(string folder, string baseWeightsSha256)
    {
        string statePath = Path.Combine(folder, Checkpoint.StateFile);
        if (!File.Exists(statePath)) throw new InputException($"{folder}: no checkpoint here ({Checkpoint.StateFile} is missing).");
        SamCheckpointState state;
        try
        {
            state = JsonSerializer.Deserialize<SamCheckpointState>(File.ReadAllText(statePath), Checkpoint.JsonOptions)
                    ?? throw new InputException($"{statePath}: empty checkpoint state.");
        }
        catch (JsonException e)
        {
            throw new InputException($"{statePath}: not a valid checkpoint state ({e.Message}).", e);
        }
        CheckHash(Path.Combine(folder, DecoderFile), state.DecoderSha256);
        if (state.OptimizerSha256.Length > 0) CheckHash(Path.Combine(folder, Checkpoint.OptimizerFile), state.OptimizerSha256);
        if (!string.Equals(state.BaseWeightsSha256, baseWeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"{statePath}: this decoder was fine-tuned from weights of SHA-256 {state.BaseWeightsSha256}, " +
                $"but the base checkpoint given has {baseWeightsSha256}; give the checkpoint the run started from (--weights).");
        }
        return state;
    }

    /// <summary>Loads the decoder (and the optimiser state when given) from a checked folder.</summary>
    public static void Load(string folder, SamModel model, OptimizerHelper? optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        string path = Path.Combine(folder, DecoderFile);
        try
        {
            model.MaskDecoder.load(path, strict: true);
            if (optimizer is not null) OptimizerStateFile.Load(optimizer, Path.Combine(folder, Checkpoint.OptimizerFile));
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or InvalidOperationException or IOException or EndOfStreamException)
        {
            throw new InputException($"{folder}: the checkpoint does not fit the model ({e.Message}); was the run made with another --variant?", e);
        }
    }

    private static void CheckHash(string path, string expected)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: missing from the checkpoint.");
        string actual = FileHash.Sha256(path);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            throw new InputException($"{path}: corrupt checkpoint: SHA-256 is {actual}, but {Checkpoint.StateFile} records {expected}.");
    }
}
