using Research.Datasets.Synthetic;
using Research.Metrics;
using Research.Processing.Labels;

namespace Research.Tests.Processing.Labels;

/// <summary>The 3-class strategy of <see cref="InstanceSeparation"/>: interior markers flooded inside the foreground.</summary>
public sealed class InteriorMarkerSeparationTests
{
    /// <summary>Probability maps that say each pixel's class of <paramref name="classes"/> with probability <paramref name="sure"/>.</summary>
    private static ProbabilityMaps Confident(byte[] classes, int width, int height, float sure = 0.9f)
    {
        int plane = width * height;
        var values = new float[3 * plane];
        float other = (1 - sure) / 2;
        for (int i = 0; i < plane; i++)
        {
            for (int k = 0; k < 3; k++) values[k * plane + i] = classes[i] == k ? sure : other;
        }
        return new ProbabilityMaps(3, width, height, values);
    }

    private static int[] Discs(int width, int height, params (int X, int Y, int R)[] discs)
    {
        var labels = new int[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int d = 0; d < discs.Length; d++)
                {
                    var (cx, cy, r) = discs[d];
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r && labels[y * width + x] == 0) labels[y * width + x] = d + 1;
                }
            }
        }
        return labels;
    }

    [Fact]
    public void Touching_objects_are_separated_by_their_predicted_boundary_and_recovered_exactly()
    {
        // Two discs of radius 9 whose centres are 16 px apart: they touch along a 9-pixel contact (disc 1 wins the overlap).
        const int width = 44, height = 24;
        var truth = Discs(width, height, (12, 12, 9), (28, 12, 9));
        var maps = Confident(InstanceTargets.ThreeClass(truth, width, height), width, height);

        var labels = InstanceSeparation.Run(maps, new InstanceSeparationOptions());

        Assert.Equal(truth, labels);
    }

    [Fact]
    public void A_large_object_with_one_interior_is_not_split_by_the_shape_of_its_outline()
    {
        // A peanut: two discs of radius 12 whose centres are 14 px apart, one object. The distance strategy sees two
        // peaks and splits it; the interior-marker strategy sees one interior region.
        const int width = 56, height = 32;
        var peanut = Discs(width, height, (16, 16, 12), (30, 16, 12)).Select(l => l == 0 ? 0 : 1).ToArray();
        var maps = Confident(InstanceTargets.ThreeClass(peanut, width, height), width, height);

        var fromInterior = InstanceSeparation.Run(maps, new InstanceSeparationOptions());
        var fromDistance = InstanceSeparation.Run(maps.Foreground(), width, height, new InstanceSeparationOptions { PeakRadius = 4 });

        Assert.Equal(peanut, fromInterior);
        Assert.Equal(2, fromDistance.Max());
    }

    [Fact]
    public void Interior_specks_below_the_marker_area_seed_nothing_and_small_fragments_are_removed()
    {
        // One 12 x 8 object whose interior probability is high in a 6 x 4 block and in one stray pixel at its edge.
        const int width = 16, height = 12;
        var classes = new byte[width * height];
        for (int y = 2; y < 10; y++) for (int x = 2; x < 14; x++) classes[y * width + x] = (byte)TargetClass.Boundary;
        for (int y = 4; y < 8; y++) for (int x = 5; x < 11; x++) classes[y * width + x] = (byte)TargetClass.Interior;
        classes[3 * width + 13] = (byte)TargetClass.Interior;
        var maps = Confident(classes, width, height);

        var labels = InstanceSeparation.Run(maps, new InstanceSeparationOptions { MinMarkerArea = 2, MinObjectArea = 4 });
        Assert.Equal(1, labels.Max());
        Assert.Equal(96, labels.Count(l => l == 1));

        // With single-pixel markers allowed, the speck seeds an object; flooding gives it a small fragment of the
        // boundary ring, removed by the minimum object area, and the labels stay consecutive.
        var specks = InstanceSeparation.Run(maps, new InstanceSeparationOptions { MinMarkerArea = 1, MinObjectArea = 30 });
        Assert.Equal(1, specks.Max());
        Assert.True(specks.Count(l => l == 1) > 60);
    }

    [Fact]
    public void Foreground_without_any_interior_is_still_one_object()
    {
        const int width = 10, height = 10;
        var classes = new byte[width * height];
        for (int y = 3; y < 7; y++) for (int x = 3; x < 8; x++) classes[y * width + x] = (byte)TargetClass.Boundary;
        var labels = InstanceSeparation.Run(Confident(classes, width, height), new InstanceSeparationOptions { MinObjectArea = 4 });
        Assert.Equal(20, labels.Count(l => l == 1));
        Assert.Equal(1, labels.Max());
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    [InlineData(42UL)]
    public void Ideal_predictions_of_synthetic_nuclei_recover_the_instances(ulong seed)
    {
        // The 3-class target of the generator's labels (many nuclei touch) as confident predictions: every object with an
        // interior of at least the marker area comes back at IoU >= 0.9.
        var sample = new SyntheticNucleiGenerator(new SyntheticNucleiOptions { Size = 256, Count = 1, Seed = seed }).Generate(0);
        int width = sample.Labels.Width, height = sample.Labels.Height;
        var truth = Array.ConvertAll(sample.Labels.Data, v => (int)v);
        var maps = Confident(InstanceTargets.ThreeClass(truth, width, height), width, height);

        var labels = InstanceSeparation.Run(maps, new InstanceSeparationOptions { MinObjectArea = 1, MaxHoleArea = 0 });

        var table = ContingencyBuilder.Build("synthetic", new LabelImage(width, height, truth), new LabelImage(width, height, labels));
        var at90 = InstanceMatching.Count(table, 0.9);
        Assert.True(sample.ObjectCount >= 10, $"only {sample.ObjectCount} objects");
        Assert.Equal(sample.ObjectCount, labels.Max());
        Assert.Equal(sample.ObjectCount, at90.TruePositives);
        Assert.Equal(truth.Select(t => t != 0), labels.Select(l => l != 0));
    }

    [Fact]
    public void Maps_of_other_class_counts_are_refused()
    {
        var maps = new ProbabilityMaps(2, 4, 4, new float[32]);
        var error = Assert.Throws<ArgumentException>(() => InstanceSeparation.Run(maps, new InstanceSeparationOptions()));
        Assert.Contains("got 2", error.Message);
    }

    [Fact]
    public void One_plane_maps_use_the_distance_strategy()
    {
        const int width = 50, height = 30;
        var discs = Discs(width, height, (15, 15, 10), (32, 15, 10));
        var probability = discs.Select(l => l == 0 ? 0.1f : 0.9f).ToArray();
        var viaMaps = InstanceSeparation.Run(new ProbabilityMaps(1, width, height, probability), new InstanceSeparationOptions());
        Assert.Equal(InstanceSeparation.Run(probability, width, height, new InstanceSeparationOptions()), viaMaps);
        Assert.Equal(2, viaMaps.Max());
    }
}
