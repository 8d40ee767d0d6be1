using TorchSharp.Modules;

namespace Research.Torch.Training;

/// <summary>
/// Reads and writes an optimiser's state in TorchSharp's format under TorchSharp's type name. TorchSharp's stream
/// starts with <c>GetType().Name</c> and refuses any other name on load, so a <see cref="GcSafeAdam"/> would write
/// "GcSafeAdam" and could not read the "Adam" of checkpoints written before it existed (or be read by plain
/// TorchSharp). Here the header always names the TorchSharp class the optimiser derives from (Adam, RMSProp, SGD).
/// </summary>
public static class OptimizerStateFile
{
    /// <summary>The TorchSharp optimiser class <paramref name="optimizer"/> is or derives from.</summary>
    public static string TorchSharpName(OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var type = optimizer.GetType();
        while (type.Assembly != typeof(OptimizerHelper).Assembly && type.BaseType is not null) type = type.BaseType;
        return type.Name;
    }

    /// <summary>Writes the state of <paramref name="optimizer"/> to <paramref name="path"/>.</summary>
    public static void Save(OptimizerHelper optimizer, string path)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        reader.ReadString();
        using var file = File.Create(path);
        using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true)) writer.Write(TorchSharpName(optimizer));
        buffer.CopyTo(file);
    }

    /// <summary>Loads <paramref name="path"/> into <paramref name="optimizer"/>; the file must name the same TorchSharp class.</summary>
    public static void Load(OptimizerHelper optimizer, string path)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var file = File.OpenRead(path);
        using var reader = new BinaryReader(file);
        string stored = reader.ReadString();
        string expected = TorchSharpName(optimizer);
        if (stored != expected) throw new InvalidDataException($"the file holds the state of {stored}, the run uses {expected}");
        using var translated = new MemoryStream();
        using (var writer = new BinaryWriter(translated, System.Text.Encoding.UTF8, leaveOpen: true)) writer.Write(optimizer.GetType().Name);
        file.CopyTo(translated);
        translated.Position = 0;
        using var translatedReader = new BinaryReader(translated);
        optimizer.load_state_dict(translatedReader);
    }
}
