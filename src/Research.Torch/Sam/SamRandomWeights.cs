using Research.IO;
using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.PyBridge;

namespace Research.Torch.Sam;

/// <summary>
/// <c>research sam init</c>: a checkpoint of random weights (the model's initialisation after
/// <c>torch.manual_seed(seed)</c>) in the official format (<c>torch.save</c> of a state dict; <c>torch.load</c> and the
/// official <c>sam_model_registry</c> read it). Its masks mean nothing: it lets the prediction and fine-tuning
/// pipeline run where no published checkpoint can be downloaded (tests, workshops offline).
/// </summary>
public static class SamRandomWeights
{
    /// <summary>Writes the checkpoint of <paramref name="variant"/> to <paramref name="path"/> (atomically; an existing file only with <paramref name="force"/>).</summary>
    /// <exception cref="InputException">Unknown variant, or the file exists.</exception>
    public static void Write(string variant, ulong seed, string path, bool force)
    {
        Write(SamConfig.FromOption(variant), seed, path, force);
    }

    /// <summary>Writes a checkpoint of a model of <paramref name="config"/>.</summary>
    public static void Write(SamConfig config, ulong seed, string path, bool force)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (File.Exists(path) && !force) throw new InputException($"{path} exists; give --force to replace it.");
        string full = Path.GetFullPath(path);
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent)) throw new InputException($"{path}: the folder {parent} does not exist.");
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(unchecked((long)seed));
        using var model = new SamModel(config);
        string temp = Path.Combine(parent ?? ".", $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        try
        {
            model.save_py(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
