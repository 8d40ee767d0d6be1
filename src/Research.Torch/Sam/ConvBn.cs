using Research.Torch.Models;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>TinyViT's <c>Conv2d_BN</c>: a convolution without bias (<c>c</c>) followed by batch normalisation (<c>bn</c>).</summary>
internal static class ConvBn
{
    public static Sequential Create(long inChannels, long outChannels, long kernel = 1, long stride = 1, long padding = 0, long groups = 1) =>
        Sequential(
            ("c", Conv2d(inChannels, outChannels, kernel, stride: stride, padding: padding, groups: groups, bias: false)),
            ("bn", new GcSafeBatchNorm2d(outChannels)));
}
