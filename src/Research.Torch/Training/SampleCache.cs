namespace Research.Torch.Training;

/// <summary>
/// A thread-safe least-recently-used cache of loaded training samples, bounded by their size in bytes (image floats plus
/// label ints), so a dataset larger than memory can be read lazily. Two threads asking for the same missing sample may
/// both load it; the result is the same (loading is deterministic).
/// </summary>
public sealed class SampleCache
{
    private readonly long _capacityBytes;
    private readonly Dictionary<int, LinkedListNode<(int Index, TrainingSample Sample)>> _map = [];
    private readonly LinkedList<(int Index, TrainingSample Sample)> _order = new();
    private readonly Lock _lock = new();
    private long _bytes;

    /// <summary>Creates a cache holding at most <paramref name="capacityBytes"/> bytes of samples (0 = nothing is kept).</summary>
    public SampleCache(long capacityBytes) => _capacityBytes = Math.Max(0, capacityBytes);

    /// <summary>Bytes held now.</summary>
    public long Bytes { get { lock (_lock) return _bytes; } }

    /// <summary>Samples held now.</summary>
    public int Count { get { lock (_lock) return _map.Count; } }

    /// <summary>The size a sample takes in the cache.</summary>
    public static long SizeOf(TrainingSample sample) => sample is null ? 0 : 4L * (sample.Image.Length + sample.Labels.Length);

    /// <summary>The cached sample <paramref name="index"/>, or <paramref name="load"/>'s result, kept while it fits.</summary>
    public TrainingSample Get(int index, Func<int, TrainingSample> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        lock (_lock)
        {
            if (_map.TryGetValue(index, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Sample;
            }
        }
        var sample = load(index);
        long size = SizeOf(sample);
        lock (_lock)
        {
            if (size > _capacityBytes || _map.ContainsKey(index)) return sample;
            while (_bytes + size > _capacityBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _map.Remove(oldest.Value.Index);
                _bytes -= SizeOf(oldest.Value.Sample);
            }
            _map[index] = _order.AddFirst((index, sample));
            _bytes += size;
        }
        return sample;
    }
}
