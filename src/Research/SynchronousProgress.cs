namespace Research;

/// <summary>
/// Reports on the calling thread (<see cref="Progress{T}"/> posts to the thread pool, so its reports can arrive late or
/// out of order); the handler must be thread-safe when reports come from several threads.
/// </summary>
/// <typeparam name="T">The progress value.</typeparam>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
