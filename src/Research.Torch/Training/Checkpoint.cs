using System.Text.Json;
using System.Text.Json.Serialization;
using Research.IO;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// A checkpoint folder (<c>model.bin</c> in TorchSharp's format, <c>optimizer.bin</c>, <c>state.json</c>), written
/// atomically: everything goes into a hidden temporary folder beside it, which then replaces the old folder by two
/// renames. If the process dies between them, <see cref="Recover"/> puts the previous checkpoint back.
/// </summary>
public static class Checkpoint
{
    /// <summary>The model weights file.</summary>
    public const string ModelFile = "model.bin";

    /// <summary>The optimiser state file.</summary>
    public const string OptimizerFile = "optimizer.bin";

    /// <summary>The state file.</summary>
    public const string StateFile = "state.json";

    /// <summary>JSON options of state files (the project's conventions; infinities allowed).</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(Json.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Saves the checkpoint to <paramref name="folder"/>.</summary>
    public static void Save(string folder, nn.Module model, OptimizerHelper optimizer, CheckpointState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(state);
        ReplaceFolder(folder, temp =>
        {
            model.save(Path.Combine(temp, ModelFile));
            OptimizerStateFile.Save(optimizer, Path.Combine(temp, OptimizerFile));
            var complete = state with
            {
                ModelSha256 = FileHash.Sha256(Path.Combine(temp, ModelFile)),
                OptimizerSha256 = FileHash.Sha256(Path.Combine(temp, OptimizerFile)),
            };
            File.WriteAllText(Path.Combine(temp, StateFile), JsonSerializer.Serialize(complete, JsonOptions) + "\n");
        });
    }

    /// <summary>
    /// Replaces <paramref name="folder"/> by what <paramref name="fill"/> writes into the temporary folder it receives:
    /// the temporary folder is complete before two renames swap it in, so a reader finds the old folder or the new one,
    /// and <see cref="Recover"/> repairs a kill between the renames.
    /// </summary>
    public static void ReplaceFolder(string folder, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        string full = Path.GetFullPath(folder);
        string parent = Path.GetDirectoryName(full)!, name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        string temp = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        fill(temp);
        WriteSteps.Completed(temp);
        if (Directory.Exists(full))
        {
            string old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
            Directory.Move(full, old);
            WriteSteps.Completed(old);
            Directory.Move(temp, full);
            WriteSteps.Completed(full);
            Directory.Delete(old, recursive: true);
            WriteSteps.Completed(old);
        }
        else
        {
            Directory.Move(temp, full);
            WriteSteps.Completed(full);
        }
    }

    /// <summary>Restores a checkpoint left half-replaced by a killed process and removes stale temporary folders.</summary>
    public static void Recover(string folder)
    {
        string full = Path.GetFullPath(folder);
        string parent = Path.GetDirectoryName(full)!, name = Path.GetFileName(full);
        if (!Directory.Exists(parent)) return;
        if (!Directory.Exists(full))
        {
            var old = Directory.GetDirectories(parent, $".{name}.old-*").OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault();
            if (old is not null) Directory.Move(old, full);
        }
        foreach (var stale in Directory.GetDirectories(parent, $".{name}.tmp-*").Concat(Directory.GetDirectories(parent, $".{name}.old-*")))
        {
            Directory.Delete(stale, recursive: true);
        }
    }

    /// <summary>Reads and checks <c>state.json</c>: the files' hashes and what the model must be.</summary>
    public static CheckpointState ReadState(string folder, CheckpointState expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        string statePath = Path.Combine(folder, StateFile);
        if (!File.Exists(statePath)) throw new InputException($"{folder}: no checkpoint here ({StateFile} is missing); train without --resume first.");
        CheckpointState state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(statePath), JsonOptions)
                    ?? throw new InputException($"{statePath}: empty checkpoint state.");
        }
        catch (JsonException e)
        {
            throw new InputException($"{statePath}: not a valid checkpoint state ({e.Message}).", e);
        }
        CheckHash(Path.Combine(folder, ModelFile), state.ModelSha256);
        CheckHash(Path.Combine(folder, OptimizerFile), state.OptimizerSha256);
        Compare(statePath, "model", state.Model, expected.Model);
        Compare(statePath, "base filters", state.BaseFilters, expected.BaseFilters);
        Compare(statePath, "input channels", state.InChannels, expected.InChannels);
        Compare(statePath, "output channels", state.OutChannels, expected.OutChannels);
        Compare(statePath, "parameter count", state.Parameters, expected.Parameters);
        Compare(statePath, "optimizer", state.Optimizer, expected.Optimizer);
        return state;
    }

    /// <summary>Loads weights (and the optimiser state when given) from a checked checkpoint folder.</summary>
    public static void Load(string folder, nn.Module model, OptimizerHelper? optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        string modelPath = Path.Combine(folder, ModelFile);
        try
        {
            model.load(modelPath, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException or System.Runtime.InteropServices.ExternalException)
        {
            throw new InputException($"{modelPath}: the weights do not fit the model ({e.Message}).", e);
        }
        if (optimizer is null) return;
        string optimizerPath = Path.Combine(folder, OptimizerFile);
        try
        {
            OptimizerStateFile.Load(optimizer, optimizerPath);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or InvalidOperationException or IOException or EndOfStreamException)
        {
            throw new InputException($"{optimizerPath}: the optimiser state does not fit ({e.Message}).", e);
        }
    }

    private static void CheckHash(string path, string expected)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: missing from the checkpoint.");
        string actual = FileHash.Sha256(path);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"{path}: corrupt checkpoint: SHA-256 is {actual}, but {StateFile} records {expected}.");
        }
    }

    private static void Compare<T>(string path, string what, T found, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(found, expected))
        {
            throw new InputException($"{path}: the checkpoint does not match the run's configuration: {what} is {found} in the checkpoint but {expected} in config.json.");
        }
    }
}
