using Research.Torch.Workflows;

namespace Research.Cli;

/// <summary>
/// Fault injection for the kill-and-resume test: when the environment variable <c>RESEARCH_HALT_AT=E:B</c> is set,
/// <c>research train</c> stops moving once batch B of epoch E has been stepped: it prints
/// <c>halted at epoch E, batch B</c> to standard error and blocks, so the test can SIGKILL it at that exact point
/// (loader threads running, epoch half done) on a machine of any speed. Unset, nothing changes.
/// </summary>
public static class HaltForTests
{
    /// <summary>The environment variable read once per command.</summary>
    public const string Variable = "RESEARCH_HALT_AT";

    /// <summary>The line written to standard error when halted.</summary>
    public static string Message(int epoch, int batch) => $"halted at epoch {epoch}, batch {batch}";

    /// <summary>Wraps <paramref name="inner"/> (which may be null) with the halt, or returns it unchanged when the variable is unset.</summary>
    public static IProgress<WorkflowProgress>? Wrap(IProgress<WorkflowProgress>? inner, TextWriter error)
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value)) return inner;
        var parts = value.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int epoch) || !int.TryParse(parts[1], out int batch))
            throw new ArgumentException($"{Variable} must be EPOCH:BATCH (e.g. 3:5), not '{value}'.");
        string step = $"Epoch {epoch}/";
        return new Halting(update =>
        {
            inner?.Report(update);
            if (!update.Step.StartsWith(step, StringComparison.Ordinal) || update.Done != batch) return;
            error.WriteLine(Message(epoch, batch));
            error.Flush();
            Thread.Sleep(Timeout.Infinite);
        });
    }

    private sealed class Halting(Action<WorkflowProgress> handler) : IProgress<WorkflowProgress>
    {
        public void Report(WorkflowProgress value) => handler(value);
    }
}
