using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary><c>arange</c> and <c>full_like</c> with their Scalars held for the call (see <c>Runtime.GcSafe</c>).</summary>
internal static class Ranges
{
    /// <summary><c>0, 1, ..., count - 1</c> as <paramref name="type"/>.</summary>
    public static Tensor Arange(long count, ScalarType type, Device? device)
    {
        using var start = 0.ToScalar();
        using var stop = count.ToScalar();
        using var step = 1.ToScalar();
        return arange(start, stop, step, dtype: type, device: device);
    }

    /// <summary>A tensor shaped like <paramref name="like"/> filled with <paramref name="value"/>.</summary>
    public static Tensor FullLike(Tensor like, double value)
    {
        using var fill = value.ToScalar();
        return full_like(like, fill);
    }
}
