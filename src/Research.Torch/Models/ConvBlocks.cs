using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Models;

/// <summary>Small building blocks shared by the models.</summary>
internal static class ConvBlocks
{
    /// <summary>conv3x3 (no bias) - BatchNorm - ReLU, repeated <paramref name="repeats"/> times, optional 2-D dropout after the given convs (1-based).</summary>
    public static Sequential ConvBnRelu(long inChannels, long outChannels, int repeats, double dropout = 0, params int[] dropoutAfter)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        for (int i = 1; i <= repeats; i++)
        {
            layers.Add(($"conv{i}", Conv2d(i == 1 ? inChannels : outChannels, outChannels, 3, padding: 1, bias: false)));
            layers.Add(($"bn{i}", new GcSafeBatchNorm2d(outChannels)));
            layers.Add(($"relu{i}", ReLU(inplace: true)));
            if (dropout > 0 && dropoutAfter.Contains(i)) layers.Add(($"drop{i}", Dropout2d(dropout)));
        }
        return Sequential(layers);
    }

    /// <summary>BatchNorm - ELU - conv (k x k, same padding), the pre-activation unit of c-ResUnet.</summary>
    public static Sequential BnEluConv(long inChannels, long outChannels, int kernel) =>
        Sequential(
            ("bn", new GcSafeBatchNorm2d(inChannels)),
            ("elu", new GcSafeElu()),
            ("conv", Conv2d(inChannels, outChannels, kernel, padding: kernel / 2)));

    /// <summary>Concatenates along channels, cropping <paramref name="skip"/> if the upsampled map is smaller (odd sizes).</summary>
    public static Tensor ConcatSkip(Tensor up, Tensor skip)
    {
        long h = up.shape[2], w = up.shape[3];
        if (skip.shape[2] != h || skip.shape[3] != w)
        {
            long top = (skip.shape[2] - h) / 2, left = (skip.shape[3] - w) / 2;
            skip = skip[.., .., TensorIndex.Slice(top, top + h), TensorIndex.Slice(left, left + w)];
        }
        return cat([up, skip], 1);
    }
}
