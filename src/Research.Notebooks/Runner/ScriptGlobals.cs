namespace Research.Notebooks.Runner;

/// <summary>
/// The globals a cell sees in the runner: <c>display(value)</c>, as the .NET Interactive kernel offers it. Public
/// because scripts are compiled against it.
/// </summary>
public sealed class ScriptGlobals
{
    private readonly CellOutputs _outputs;

    internal ScriptGlobals(CellOutputs outputs) => _outputs = outputs;

#pragma warning disable IDE1006 // lower-case like the kernel's display()
    /// <summary>Shows <paramref name="value"/> as an output of the running cell (the MIME types are chosen by its formatters; <paramref name="mimeTypes"/> is accepted for compatibility).</summary>
    public void display(object? value, params string[] mimeTypes) => _outputs.Display(value);
#pragma warning restore IDE1006
}
