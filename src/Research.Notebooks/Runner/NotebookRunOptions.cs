namespace Research.Notebooks.Runner;

/// <summary>Settings of <c>research notebooks run</c>.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The folder the executed notebooks (<c>NAME.ipynb</c>) and pages (<c>NAME.html</c>) are written to.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Set <c>quick = true</c> in notebooks that declare it (CI settings). <value>The default value is false.</value></summary>
    public bool Quick { get; init; }

    /// <summary>Parameter overrides by name, parsed by the declared variable's type. <value>The default value is none.</value></summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The longest one cell may run; a cell still running then fails the notebook. <value>The default value is 10 minutes.</value></summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw new InputException("--out: give the folder for the executed notebooks.");
        if (CellTimeout <= TimeSpan.Zero) throw new InputException($"--timeout: {CellTimeout.TotalSeconds} s; give a positive number of seconds.");
    }
}

/// <summary>Why a notebook stopped: the cell, its first line and the exception.</summary>
/// <param name="Cell">1-based cell number among all cells of the notebook.</param>
/// <param name="FirstLine">The cell's first non-empty line.</param>
/// <param name="Exception">The exception's type name (CompilationError for code that does not compile, Timeout for the time limit).</param>
/// <param name="Message">The exception's message.</param>
public sealed record CellFailure(int Cell, string FirstLine, string Exception, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"cell {Cell} ({FirstLine}) failed: {Exception}: {Message}";
}

/// <summary>What running one notebook produced.</summary>
/// <param name="Notebook">The notebook's path.</param>
/// <param name="ExecutedNotebook">The executed .ipynb written.</param>
/// <param name="Html">The standalone HTML page written.</param>
/// <param name="CellsRun">Code cells executed (including an injected parameters cell).</param>
/// <param name="Skipped">A note for each cell not run because it is in another language.</param>
/// <param name="Failure">The failing cell, or null when every cell ran.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record NotebookRunResult(string Notebook, string ExecutedNotebook, string Html, int CellsRun,
    IReadOnlyList<string> Skipped, CellFailure? Failure, TimeSpan Elapsed)
{
    /// <summary>Whether every cell ran without error.</summary>
    public bool Succeeded => Failure is null;
}
