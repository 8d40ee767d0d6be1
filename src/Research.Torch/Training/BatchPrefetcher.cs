using System.Collections.Concurrent;
using Research.Torch.Training.Tasks;

namespace Research.Torch.Training;

/// <summary>
/// Prepares batches on a background thread into a bounded queue so that the training thread never waits for data
/// once the queue is full. Batches come out in the order they were planned, whatever the timing, so training stays
/// deterministic. Disposing stops the loader.
/// </summary>
public sealed class BatchPrefetcher : IDisposable
{
    private readonly BlockingCollection<ITrainingBatch> _queue;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Thread _thread;
    private Exception? _failure;

    /// <summary>Starts loading the planned batches with <paramref name="build"/>, at most <paramref name="capacity"/> ahead.</summary>
    public BatchPrefetcher(int batches, int capacity, Func<int, ITrainingBatch> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        _queue = new BlockingCollection<ITrainingBatch>(Math.Max(1, capacity));
        _thread = new Thread(() => Produce(batches, build)) { IsBackground = true, Name = "research batch loader" };
        _thread.Start();
    }

    /// <summary>Batches taken while the queue was empty (the training thread had to wait).</summary>
    public int Waits { get; private set; }

    /// <summary>The batches in order; rethrows a loader failure.</summary>
    public IEnumerable<ITrainingBatch> Batches()
    {
        while (true)
        {
            if (_queue.Count == 0 && !_queue.IsAddingCompleted) Waits++;
            if (!_queue.TryTake(out var batch, Timeout.Infinite, _cancel.Token))
            {
                if (_failure is InputException input) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(input);
                if (_failure is not null) throw new InvalidOperationException($"Loading a training batch failed: {_failure.Message}", _failure);
                yield break;
            }
            yield return batch;
        }
    }

    private void Produce(int batches, Func<int, ITrainingBatch> build)
    {
        try
        {
            for (int i = 0; i < batches; i++) _queue.Add(build(i), _cancel.Token);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failure = e;
        }
        finally
        {
            _queue.CompleteAdding();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cancel.Cancel();
        _thread.Join();
        _cancel.Dispose();
        _queue.Dispose();
    }
}
