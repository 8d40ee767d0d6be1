using Research.IO;
using Research.Torch.Workflows;

namespace Research.Cli;

/// <summary>
/// Fault injection for the kill-and-resume tests, through the environment variable <c>RESEARCH_HALT_AT</c>:
/// <list type="bullet">
/// <item><c>E:B</c>: <c>research train</c> stops moving once batch B of epoch E has been stepped (loader threads running,
/// epoch half done);</item>
/// <item><c>write:N</c>: any verb stops moving once the N-th step of its crash-safe writes (<see cref="WriteSteps"/>: a
/// file renamed into place, a checkpoint folder moved) is complete; every step before is traced to standard error as
/// <c>write K: PATH</c>, so a test can list the points of an uninterrupted run with a large N.</item>
/// </list>
/// Halted, it prints <see cref="Message(int, int)"/> or <see cref="WriteMessage"/> to standard error and blocks, so the
/// test can SIGKILL it at that exact point on a machine of any speed. Unset, nothing changes.
/// </summary>
public static class HaltForTests
{
    /// <summary>The environment variable read once per command.</summary>
    public const string Variable = "RESEARCH_HALT_AT";

    private const string WritePrefix = "write:";

    /// <summary>The line written to standard error when halted at a batch.</summary>
    public static string Message(int epoch, int batch) => $"halted at epoch {epoch}, batch {batch}";

    /// <summary>The line written to standard error when halted after a write step.</summary>
    public static string WriteMessage(int step) => $"halted after write {step}";

    /// <summary>The line traced to standard error after each write step in <c>write:N</c> mode.</summary>
    public static string WriteTrace(int step, string path) => $"write {step}: {path}";

    /// <summary>In <c>write:N</c> mode, observes the write steps (traces them, halts after the N-th); otherwise does nothing.</summary>
    public static void InstallWriteHalt(TextWriter error)
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        if (value is null || !value.StartsWith(WritePrefix, StringComparison.Ordinal)) return;
        if (!int.TryParse(value.AsSpan(WritePrefix.Length), out int halt) || halt < 1)
            throw new ArgumentException($"{Variable} must be write:N with N >= 1 (e.g. write:7), not '{value}'.");
        int done = 0;
        WriteSteps.Observer = path =>
        {
            int step = Interlocked.Increment(ref done);
            error.WriteLine(WriteTrace(step, path));
            if (step == halt) Halt(error, WriteMessage(step));
            error.Flush();
        };
    }

    /// <summary>Wraps <paramref name="inner"/> (which may be null) with the batch halt, or returns it unchanged when the variable is not E:B.</summary>
    public static IProgress<WorkflowProgress>? Wrap(IProgress<WorkflowProgress>? inner, TextWriter error)
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value) || value.StartsWith(WritePrefix, StringComparison.Ordinal)) return inner;
        var parts = value.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int epoch) || !int.TryParse(parts[1], out int batch))
            throw new ArgumentException($"{Variable} must be EPOCH:BATCH (e.g. 3:5) or write:N, not '{value}'.");
        string step = $"Epoch {epoch}/";
        return new Halting(update =>
        {
            inner?.Report(update);
            if (!update.Step.StartsWith(step, StringComparison.Ordinal) || update.Done != batch) return;
            Halt(error, Message(epoch, batch));
        });
    }

    private static void Halt(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    private sealed class Halting(Action<WorkflowProgress> handler) : IProgress<WorkflowProgress>
    {
        public void Report(WorkflowProgress value) => handler(value);
    }
}
