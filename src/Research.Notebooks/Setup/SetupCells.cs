namespace Research.Notebooks.Setup;

/// <summary>
/// The two set-up cells every notebook starts with (after its title), written for a notebook <c>depth</c> folders
/// below <c>notebooks/</c> (0 for <c>notebooks/*.ipynb</c>, 1 for <c>notebooks/workshop/*.ipynb</c>). The first stops
/// with one line when <c>notebooks/.lib</c> is missing (a failing <c>#r</c> would only say "metadata file not found");
/// it has to be its own cell because the kernel resolves a cell's <c>#r</c> lines before running any of its code. The
/// second references the library and calls <see cref="Kernel.Setup"/>. Paths are relative to the notebook, where
/// Jupyter, nbclient, VS Code and the runner start the kernel.
/// </summary>
public static class SetupCells
{
    /// <summary>The one line shown when notebooks/.lib is missing.</summary>
    public const string MissingMessage = "notebooks/.lib is missing: run `research notebooks setup` in the repository, then run this notebook again.";

    /// <summary>The check cell and the reference cell for a notebook <paramref name="depth"/> folders below notebooks/.</summary>
    public static (string Check, string References) For(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        string lib = string.Concat(Enumerable.Repeat("../", depth)) + ".lib/";
        string check =
            "// Set-up: loads the library that `research notebooks setup` builds into notebooks/.lib.\n" +
            $"if (!System.IO.File.Exists(\"{lib}Research.Notebooks.dll\")) {{ var setup = Microsoft.DotNet.Interactive.KernelInvocationContext.Current; " +
            $"setup.Fail(setup.Command, message: \"{MissingMessage}\"); }}";
        string references =
            $"#r \"{lib}Research.Core.dll\"\n#r \"{lib}Research.Torch.dll\"\n#r \"{lib}Research.Notebooks.dll\"\nResearch.Notebooks.Kernel.Setup()";
        return (check, references);
    }
}
