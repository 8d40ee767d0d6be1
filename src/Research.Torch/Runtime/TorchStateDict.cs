using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Torch.Runtime;

/// <summary>
/// A PyTorch state dict from a <c>.pth</c> file in the zip format of <c>torch.save</c> (since PyTorch 1.6), read with
/// TorchSharp.PyBridge: a bare state dict, or one wrapped as <c>{"model": ...}</c> or <c>{"state_dict": ...}</c>.
/// Errors name the file and what to do.
/// </summary>
public static class TorchStateDict
{
    /// <summary>The tensors of <paramref name="path"/> by name (the caller disposes them).</summary>
    /// <exception cref="InputException">The file is missing, not a zip-format PyTorch file, or holds no tensors.</exception>
    public static Dictionary<string, Tensor> Read(string path, string expected)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such checkpoint file");
        Hashtable table;
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> signature = stackalloc byte[4];
            if (stream.Read(signature) != 4 || signature[0] != 0x50 || signature[1] != 0x4b)
                throw new InputException($"{path}: not a PyTorch zip checkpoint (torch.save since PyTorch 1.6 writes one; re-save a legacy file with torch.save(torch.load(f), f2))");
            stream.Position = 0;
            table = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (InputException) { throw; }
        catch (Exception e) when (e is InvalidDataException or NotImplementedException or InvalidCastException or IOException or UnauthorizedAccessException or Razorvine.Pickle.PickleException)
        {
            throw new InputException($"{path}: cannot be read as a PyTorch state dict ({e.Message})", e);
        }
        var tensors = Unwrap(table);
        if (tensors.Count == 0) throw new InputException($"{path}: holds no tensors (expected {expected})");
        return tensors;
    }

    /// <summary>A shape as <c>AxBxC</c>.</summary>
    public static string Shape(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return string.Join("x", t.shape);
    }

    private static Dictionary<string, Tensor> Unwrap(Hashtable table)
    {
        foreach (var key in new[] { "model", "state_dict" })
            if (table[key] is Hashtable inner) return Unwrap(inner);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
            if (entry.Key is string name && entry.Value is Tensor t) tensors[name] = t;
        return tensors;
    }
}
