using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// Random Fourier positional encoding (SAM's <c>PositionEmbeddingRandom</c>): a point (x, y) in [0, 1]^2 maps to
/// <c>[sin(2 pi (2p - 1) G), cos(2 pi (2p - 1) G)]</c> with G the fixed 2 x F Gaussian matrix stored in the state dict
/// as the buffer <c>positional_encoding_gaussian_matrix</c>.
/// </summary>
public sealed class PositionEmbeddingRandom : Module
{
    /// <summary>Creates the encoding with <paramref name="features"/> frequencies (2 F output channels).</summary>
    public PositionEmbeddingRandom(int features) : base(nameof(PositionEmbeddingRandom))
    {
        register_buffer("positional_encoding_gaussian_matrix", randn(2, features));
    }

    private Tensor Gaussian => get_buffer("positional_encoding_gaussian_matrix")!;

    /// <summary>Encodes points already normalised to [0, 1] (last dimension x, y).</summary>
    public Tensor Encode(Tensor coords)
    {
        ArgumentNullException.ThrowIfNull(coords);
        using var scope = NewDisposeScope();
        using var two = 2.0.ToScalar();
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        using var twoPi = (2 * Math.PI).ToScalar();
        var c = coords.mul(two).add(minusOne, one).matmul(Gaussian).mul(twoPi);
        return cat([c.sin(), c.cos()], -1).MoveToOuterDisposeScope();
    }

    /// <summary>The encoding of every pixel centre of an <paramref name="height"/> x <paramref name="width"/> grid: 2F x H x W.</summary>
    public Tensor Grid(int height, int width)
    {
        using var scope = NewDisposeScope();
        using var half = 0.5.ToScalar();
        using var one = 1.0.ToScalar();
        using var h = ((double)height).ToScalar();
        using var w = ((double)width).ToScalar();
        var device = Gaussian.device;
        using var start = 0.0.ToScalar();
        var y = arange(start, h, one, float32, device).add(half, one).div(h)[.., TensorIndex.None].expand(height, width);
        var x = arange(start, w, one, float32, device).add(half, one).div(w)[TensorIndex.None, ..].expand(height, width);
        return Encode(stack([x, y], -1)).permute(2, 0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Encodes pixel coordinates of an image of <paramref name="imageSize"/> (H, W): B x N x 2 to B x N x 2F.</summary>
    public Tensor EncodeCoordinates(Tensor coords, (int H, int W) imageSize)
    {
        ArgumentNullException.ThrowIfNull(coords);
        using var scope = NewDisposeScope();
        using var w = ((double)imageSize.W).ToScalar();
        using var h = ((double)imageSize.H).ToScalar();
        var x = coords[.., .., TensorIndex.Slice(0, 1)].div(w);
        var y = coords[.., .., TensorIndex.Slice(1, 2)].div(h);
        return Encode(cat([x, y], -1).to(float32)).MoveToOuterDisposeScope();
    }
}
