using static TorchSharp.torch;

namespace Research.Torch.Sam;

/// <summary>
/// Non-overlapping windows of a B x H x W x C token map for windowed attention (<c>window_partition</c> and
/// <c>window_unpartition</c>): the map is padded with zeros at the bottom and right to a multiple of the window.
/// </summary>
public static class Windows
{
    /// <summary>The windows ((B nh nw) x w x w x C) and the padded size.</summary>
    public static (Tensor Windows, (long H, long W) Padded) Partition(Tensor x, int window)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewDisposeScope();
        long b = x.shape[0], h = x.shape[1], w = x.shape[2], c = x.shape[3];
        long padH = (window - h % window) % window, padW = (window - w % window) % window;
        var padded = padH > 0 || padW > 0 ? nn.functional.pad(x, [0, 0, 0, padW, 0, padH]) : x;
        long hp = h + padH, wp = w + padW;
        var windows = padded.view(b, hp / window, window, wp / window, window, c)
            .permute(0, 1, 3, 2, 4, 5).contiguous().view(-1, window, window, c);
        return (windows.MoveToOuterDisposeScope(), (hp, wp));
    }

    /// <summary>The B x H x W x C map back from its windows, padding removed.</summary>
    public static Tensor Unpartition(Tensor windows, int window, (long H, long W) padded, (long H, long W) size)
    {
        ArgumentNullException.ThrowIfNull(windows);
        using var scope = NewDisposeScope();
        long b = windows.shape[0] / (padded.H * padded.W / window / window);
        var x = windows.view(b, padded.H / window, padded.W / window, window, window, -1)
            .permute(0, 1, 3, 2, 4, 5).contiguous().view(b, padded.H, padded.W, -1);
        if (padded.H > size.H || padded.W > size.W)
            x = x[.., TensorIndex.Slice(0, size.H), TensorIndex.Slice(0, size.W), ..].contiguous();
        return x.MoveToOuterDisposeScope();
    }
}
