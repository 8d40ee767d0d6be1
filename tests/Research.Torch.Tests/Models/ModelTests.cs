using Research.Torch.Models;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Models;

public sealed class ModelTests
{
    public ModelTests() => TorchRuntime.EnsureLoaded();

    // Parameter counts and output shapes printed by tests/reference/model_reference.py, an independent
    // PyTorch 1.13 implementation of the same three architectures (Debian's python3-torch).
    public static TheoryData<string, Func<nn.Module<Tensor, Tensor>>, int, long, int> Configurations => new()
    {
        { "unet base32 in1 out1", () => new UNet(new UNetOptions()), 1, 7_762_465, 1 },
        { "unet base16 in1 out3", () => new UNet(new UNetOptions { BaseFilters = 16, OutChannels = 3 }), 1, 1_942_323, 3 },
        { "bh2019-unet base16 in1", () => Bh2019UNet.Create(new Bh2019UNetOptions()), 1, 972_305, 1 },
        { "bh2019-unet base128 in1", () => Bh2019UNet.Create(new Bh2019UNetOptions { BaseFilters = 128 }), 1, 62_054_529, 1 },
        { "c-resunet in3 out1", () => new CResUnet(new CResUnetOptions()), 3, 1_707_287, 1 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Parameter_count_and_output_shape_match_the_pytorch_reference(string name, Func<nn.Module<Tensor, Tensor>> build, int inChannels, long parameters, int outChannels)
    {
        using var model = build();
        Assert.True(parameters == ModelRegistry.ParameterCount(model), $"{name}: {ModelRegistry.ParameterCount(model)} parameters");
        model.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var output = model.call(zeros(1, inChannels, 64, 64));
        Assert.Equal(new long[] { 1, outChannels, 64, 64 }, output.shape);
    }

    [Fact]
    public void Every_registered_name_builds_a_model()
    {
        Assert.Equal([.. ModelRegistry.PixelMapNames, "mask-rcnn"], ModelRegistry.AvailableNames);
        Assert.False(ModelRegistry.IsPixelMap(ModelRegistry.Parse("mask-rcnn")));
        foreach (string name in ModelRegistry.PixelMapNames)
        {
            var kind = ModelRegistry.Parse(name);
            Assert.Equal(name, ModelRegistry.NameOf(kind));
            using var model = ModelRegistry.Create(kind, inChannels: kind == ModelKind.CResUnet ? 3 : 1, baseFilters: 8);
            Assert.True(ModelRegistry.ParameterCount(model) > 0);
        }
    }

    [Fact]
    public void An_unknown_model_name_lists_the_valid_ones()
    {
        var error = Assert.Throws<InputException>(() => ModelRegistry.Parse("resnet"));
        Assert.Equal("Unknown model 'resnet'. Available models: unet, bh2019-unet, c-resunet, mask-rcnn.", error.Message);
    }
}
