using FsCheck;
using FsCheck.Fluent;
using Research.Measurements;
using Research.Metrics;

namespace Research.Tests.Measurements;

/// <summary>Invariants of the region properties on random label images.</summary>
public sealed class RegionPropertyTests
{
    private static Gen<LabelImage> Labels() =>
        from w in Gen.Choose(1, 10)
        from h in Gen.Choose(1, 10)
        from data in Gen.ArrayOf(Gen.Elements(0, 0, 0, 1, 2, 5), w * h)
        select new LabelImage(w, h, data);

    /// <summary>Moving the image inside a larger empty one moves the boxes and centroids and changes nothing else.</summary>
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Translation_moves_boxes_and_centroids_only()
    {
        var cases = from labels in Labels() from dy in Gen.Choose(1, 4) from dx in Gen.Choose(1, 4) select (labels, dy, dx);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (labels, dy, dx) = c;
            int w = labels.Width + dx + 3, h = labels.Height + dy + 3;
            var moved = new int[w * h];
            for (int y = 0; y < labels.Height; y++) for (int x = 0; x < labels.Width; x++) moved[(y + dy) * w + x + dx] = labels.Data[y * labels.Width + x];
            var a = RegionMeasurer.Measure(labels);
            var b = RegionMeasurer.Measure(new LabelImage(w, h, moved));
            return a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second, dy, dx));
        });
    }

    /// <summary>Basic bounds: area ≤ filled area ≤ bbox area, area ≤ convex area ≤ bbox area, solidity and extent in (0, 1], eccentricity in [0, 1].</summary>
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Areas_and_ratios_are_ordered()
    {
        return Prop.ForAll(Labels().ToArbitrary(), labels => RegionMeasurer.Measure(labels).All(o =>
        {
            long box = (long)(o.BboxMaxRow - o.BboxMinRow) * (o.BboxMaxCol - o.BboxMinCol);
            return o.Area <= o.FilledArea && o.FilledArea <= box && o.Area <= o.ConvexArea && o.ConvexArea <= box
                && o.Solidity is > 0 and <= 1 && o.Extent is > 0 and <= 1 && o.Eccentricity is >= 0 and <= 1
                && o.MinorAxisLength <= o.MajorAxisLength && o.FeretDiameterMax >= 1 - 1e-12;
        }));
    }

    private static bool Same(RegionProperties a, RegionProperties b, int dy, int dx) =>
        a with { BboxMinRow = a.BboxMinRow + dy, BboxMaxRow = a.BboxMaxRow + dy, BboxMinCol = a.BboxMinCol + dx, BboxMaxCol = a.BboxMaxCol + dx,
                 CentroidRow = b.CentroidRow, CentroidCol = b.CentroidCol, TouchesBorder = b.TouchesBorder,
                 MeanIntensity = b.MeanIntensity, MinIntensity = b.MinIntensity, MaxIntensity = b.MaxIntensity } == b
        && Math.Abs(a.CentroidRow + dy - b.CentroidRow) < 1e-9 && Math.Abs(a.CentroidCol + dx - b.CentroidCol) < 1e-9;
}
