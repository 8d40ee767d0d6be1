using Research.Torch.Workflows;
using Spectre.Console;

namespace Research.Cli;

/// <summary>Shows a library operation's progress as Spectre progress bars on standard error, or nothing when quiet or not a terminal.</summary>
public static class ProgressBars
{
    /// <summary>Runs <paramref name="work"/>, drawing one bar per step it reports.</summary>
    public static T Run<T>(CliContext context, bool quiet, Func<IProgress<WorkflowProgress>?, T> work)
    {
        if (!context.ShowProgress(quiet)) return work(null);
        T result = default!;
        context.ErrorConsole!.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress(update =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(update.Step, out var task))
                        {
                            task = ctx.AddTask(Markup.Escape(update.Step), maxValue: Math.Max(1, update.Total));
                            tasks[update.Step] = task;
                        }
                        if (update.Detail is not null) task.Description = Markup.Escape($"{update.Step} {update.Detail}");
                        task.Value = Math.Max(task.Value, update.Done);
                    }
                });
                result = work(progress);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the calling thread (System.Progress posts to the thread pool, which can arrive after the bar closed).</summary>
    private sealed class SynchronousProgress(Action<WorkflowProgress> handler) : IProgress<WorkflowProgress>
    {
        public void Report(WorkflowProgress value) => handler(value);
    }
}
