namespace Research.IO;

/// <summary>
/// The points between the steps of the project's crash-safe writes: after each atomic file rename
/// (<see cref="AtomicFile"/>), after each folder rename of a checkpoint or an <see cref="OutputFolder"/>. A process
/// killed at any instant has completed some prefix of these steps, so the steps are where a kill-and-resume test
/// stops a process (the <c>research</c> command's <c>RESEARCH_HALT_AT=write:N</c>). Nothing observes them otherwise.
/// </summary>
public static class WriteSteps
{
    private static readonly AsyncLocal<Action<string>?> Current = new();

    /// <summary>
    /// Called with the path written or renamed after every completed step, on the writing thread; null (the default)
    /// for none. It flows with the execution context (an <see cref="AsyncLocal{T}"/>): set at a command's start it sees
    /// every write of the command, set in a test it sees that test's writes only. An exception it throws stops the
    /// writer right after the step, leaving the files as a kill at that instant would.
    /// </summary>
    public static Action<string>? Observer
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Reports that the step writing <paramref name="path"/> is complete.</summary>
    public static void Completed(string path) => Observer?.Invoke(path);
}
