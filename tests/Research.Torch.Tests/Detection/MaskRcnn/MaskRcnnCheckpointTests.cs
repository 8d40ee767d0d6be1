using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Runtime;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>
/// Mask R-CNN state dicts in torch.save's format: a round trip keeps every tensor; a file of another backbone or class
/// count is refused naming the keys, shapes and what the file looks like; class heads of another size are left at
/// their initial values only when asked; the parameter count is torchvision's.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class MaskRcnnCheckpointTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("maskrcnn-checkpoint").FullName;

    public MaskRcnnCheckpointTests() => TorchRuntime.EnsureLoaded();

    public void Dispose() => Directory.Delete(dir, true);

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    public void The_parameter_count_is_torchvisions(string backbone)
    {
        // torchvision counts batch-norm scales and shifts as parameters when built without trained weights
        long expected = MaskRcnnFixtures.Keys(backbone)
            .Where(k => !k.Name.EndsWith("running_mean", StringComparison.Ordinal) && !k.Name.EndsWith("running_var", StringComparison.Ordinal) && !k.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .Sum(k => k.Shape.Aggregate(1L, (a, b) => a * b));
        using var model = new MaskRcnnModel(backbone, 2);
        Assert.Equal(expected, model.TorchvisionParameterCount);
        if (backbone == "resnet50") Assert.Equal(43_975_515, model.TorchvisionParameterCount);
    }

    [Fact]
    public void A_saved_state_dict_loads_back_tensor_for_tensor()
    {
        using var source = new MaskRcnnModel("resnet18", 3);
        MaskRcnnFixtures.Fill(source, "resnet18");
        string file = Path.Combine(dir, "model.pth");
        source.save_py(file);
        using var target = new MaskRcnnModel("resnet18", 3);
        Assert.Null(MaskRcnnCheckpoint.Load(target, file));
        var loaded = target.state_dict();
        foreach (var (name, value) in source.state_dict()) Assert.True(value.eq(loaded[name]).all().item<bool>(), name);
    }

    [Fact]
    public void Another_backbone_or_class_count_is_refused_by_name_unless_class_heads_may_be_resized()
    {
        string resnet50 = Path.Combine(dir, "r50.pth"), threeClasses = Path.Combine(dir, "c3.pth");
        using (var model = new MaskRcnnModel("resnet50", 2)) model.save_py(resnet50);
        using (var model = new MaskRcnnModel("resnet18", 3))
        {
            MaskRcnnFixtures.Fill(model, "resnet18");
            model.save_py(threeClasses);
        }
        using var target = new MaskRcnnModel("resnet18", 2);
        var e = Assert.Throws<InputException>(() => MaskRcnnCheckpoint.Load(target, resnet50));
        Assert.Contains("the file looks like resnet50, 2 classes", e.Message, StringComparison.Ordinal);
        Assert.Contains("backbone.body.layer1.0.conv1.weight is 64x64x1x1 in the file, 64x64x3x3 in the model", e.Message, StringComparison.Ordinal);

        var before = target.state_dict()["backbone.body.conv1.weight"].clone();
        e = Assert.Throws<InputException>(() => MaskRcnnCheckpoint.Load(target, threeClasses));
        Assert.Contains("roi_heads.box_predictor.bbox_pred.bias is 12 in the file, 8 in the model", e.Message, StringComparison.Ordinal);
        Assert.True(before.eq(target.state_dict()["backbone.body.conv1.weight"]).all().item<bool>(), "nothing may be loaded from a refused file");

        var head = target.state_dict()["roi_heads.box_predictor.cls_score.weight"].clone();
        string? note = MaskRcnnCheckpoint.Load(target, threeClasses, resizeClassHeads: true);
        Assert.Contains("the class heads have 3 classes in the file and 2 here", note, StringComparison.Ordinal);
        Assert.True(head.eq(target.state_dict()["roi_heads.box_predictor.cls_score.weight"]).all().item<bool>(), "class heads keep their initial weights");
        Assert.False(before.eq(target.state_dict()["backbone.body.conv1.weight"]).all().item<bool>(), "the rest is loaded");
    }
}
