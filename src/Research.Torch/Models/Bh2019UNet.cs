namespace Research.Torch.Models;

/// <summary>Settings of <see cref="Bh2019UNet"/>.</summary>
public sealed record Bh2019UNetOptions
{
    /// <summary>Input channels. <value>The default value is 1.</value></summary>
    public int InChannels { get; init; } = 1;

    /// <summary>Filters of the first level (the original used 128; smaller by default for the CPU). <value>The default value is 16.</value></summary>
    public int BaseFilters { get; init; } = 16;

    /// <summary>2-D spatial dropout after the 1st and 3rd convolution of each block. <value>The default value is 0.1.</value></summary>
    public double Dropout { get; init; } = 0.1;
}

/// <summary>
/// The U-Net of the BioHackathon 2019 mouse-kidney EM nucleus work: three pooling levels and a bottleneck; each block
/// four conv3x3-BatchNorm-ReLU with 2-D spatial dropout after the 1st and 3rd; transposed-convolution up and skip
/// concatenation; one output logit (the sigmoid is applied by the loss and at prediction). It is <see cref="UNet"/>'s
/// encoder-decoder with that block, so it shares its forward pass and checkpoint layout.
/// </summary>
public static class Bh2019UNet
{
    /// <summary>Builds the network.</summary>
    public static UNet Create(Bh2019UNetOptions options) =>
        new("bh2019-unet", options.InChannels, 1, options.BaseFilters, depth: 3,
            (inChannels, outChannels) => ConvBlocks.ConvBnRelu(inChannels, outChannels, 4, options.Dropout, 1, 3));
}
