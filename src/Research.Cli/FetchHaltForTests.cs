namespace Research.Cli;

/// <summary>
/// Fault injection for the kill-at-every-step test of <c>research datasets fetch</c>: with the environment variable
/// <c>RESEARCH_FETCH_HALT_AT=N</c>, the fetch stops after its N-th durable step, prints
/// <c>fetch halted after step N: NAME</c> to standard error and blocks, so the test can SIGKILL it exactly there.
/// Unset, nothing changes.
/// </summary>
public static class FetchHaltForTests
{
    /// <summary>The environment variable read once per command.</summary>
    public const string Variable = "RESEARCH_FETCH_HALT_AT";

    /// <summary>The line written to standard error when halted.</summary>
    public static string Message(int step, string name) => $"fetch halted after step {step}: {name}";

    /// <summary>The step callback for <c>FetchOptions.AfterStep</c>, or null when the variable is unset.</summary>
    public static Action<string>? Hook(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string? value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int halt) || halt < 1)
        {
            throw new ArgumentException($"{Variable} must be a step number from 1, not '{value}'.");
        }
        int step = 0;
        return name =>
        {
            if (++step != halt) return;
            error.WriteLine(Message(step, name));
            error.Flush();
            Thread.Sleep(Timeout.Infinite);
        };
    }
}
