namespace Research.Notebooks.Setup;

/// <summary>The set-up could not finish (a missing prerequisite or a failed step): one message saying what to do; exit 1.</summary>
public sealed class NotebookSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookSetupException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public NotebookSetupException() { }

    /// <summary>Creates the exception.</summary>
    public NotebookSetupException(string message, Exception inner) : base(message, inner) { }
}
