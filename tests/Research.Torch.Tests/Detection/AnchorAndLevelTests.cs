using Research.Torch.Detection;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection;

/// <summary>AnchorGenerator, MultiScaleRoIAlign and its LevelMapper against torchvision 0.14.</summary>
public sealed class AnchorAndLevelTests
{
    [Fact]
    public void Anchors_equal_torchvision_for_the_mask_rcnn_generator()
    {
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("anchors");
        var generator = AnchorGenerator.MaskRcnnDefault();
        var cells = golden.GetProperty("cell_anchors").EnumerateArray().ToArray();
        for (int level = 0; level < cells.Length; level++)
            DetectionGolden.AssertClose(DetectionGolden.Float(cells[level]), generator.CellAnchors(level), 0, $"cell anchors of level {level}");
        long[] image = DetectionGolden.Longs(golden.GetProperty("image"));
        var sizes = golden.GetProperty("feature_shapes").EnumerateArray()
            .Select(s => (s[0].GetInt64(), s[1].GetInt64())).ToArray();
        DetectionGolden.AssertClose(DetectionGolden.Float(golden.GetProperty("anchors")), generator.Generate(image[0], image[1], sizes), 0, "anchors");
        Assert.All(generator.AnchorsPerLocation, n => Assert.Equal(3, n));
    }

    [Fact]
    public void Level_mapper_equals_torchvision_around_the_level_borders()
    {
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("level_mapper");
        var levels = new LevelMapper().Map(DetectionGolden.Float(golden.GetProperty("boxes")));
        Assert.Equal(DetectionGolden.Longs(golden.GetProperty("levels")), levels.data<long>().ToArray());
    }

    [Fact]
    public void Feature_map_scales_give_levels_two_to_five()
    {
        var (scales, mapper) = LevelMapper.ForFeatureMaps([(200, 304), (100, 152), (50, 76), (25, 38)], 800, 1216);
        Assert.Equal(new[] { 0.25, 0.125, 0.0625, 0.03125 }, scales);
        Assert.Equal((2, 5), (mapper.KMin, mapper.KMax));
    }

    [Fact]
    public void Multi_scale_roi_align_pools_each_box_from_its_level_as_torchvision()
    {
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("multiscale");
        var features = golden.GetProperty("features").EnumerateArray().Select(f => DetectionGolden.Float(f).requires_grad_(true)).ToArray();
        var boxes = golden.GetProperty("boxes").EnumerateArray().Select(DetectionGolden.Float).ToArray();
        var sizes = golden.GetProperty("image_sizes").EnumerateArray().Select(s => (s[0].GetInt64(), s[1].GetInt64())).ToArray();
        var pooler = new MultiScaleRoiAlign(7, 2, canonicalScale: 28);
        Assert.Equal(DetectionGolden.Longs(golden.GetProperty("levels")),
            new LevelMapper(2, 5, 28).Map(cat(boxes, 0)).data<long>().ToArray());
        var output = pooler.Apply(features, boxes, sizes);
        DetectionGolden.AssertClose(DetectionGolden.Float(golden.GetProperty("output")), output, 1e-5, "multi-scale forward");
        output.mul(DetectionGolden.Float(golden.GetProperty("weights"))).sum().backward();
        var grads = golden.GetProperty("grads").EnumerateArray().ToArray();
        for (int level = 0; level < features.Length; level++)
            DetectionGolden.AssertClose(DetectionGolden.Float(grads[level]), features[level].grad!, 1e-5, $"gradient of level {level}");
    }
}
