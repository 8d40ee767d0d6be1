using Research.Imaging;
using Research.Metrics;

namespace Research.Measurements;

/// <summary>
/// Measures every object of a label image (<see cref="RegionProperties"/>): one pass over the image for areas, boxes,
/// moments and intensities (<see cref="LabelMoments"/>), then per object, on its bounding box only, the perimeters,
/// Euler number, convex image, Feret diameter and filled area. Objects come in ascending label order.
/// </summary>
public static class RegionMeasurer
{
    /// <summary>
    /// Measures <paramref name="labels"/>; <paramref name="intensity"/>, when given, must have the same width and height
    /// (any number of channels).
    /// </summary>
    public static IReadOnlyList<RegionProperties> Measure(LabelImage labels, IImage? intensity = null) =>
        MeasureImage(labels.Name, labels, intensity, outlines: false).Objects;

    /// <summary>
    /// Measures <paramref name="labels"/> as image <paramref name="name"/>, with each object's outline
    /// (<see cref="ObjectOutline"/>) when <paramref name="outlines"/> is set.
    /// </summary>
    public static ImageMeasurement MeasureImage(string name, LabelImage labels, IImage? intensity, bool outlines)
    {
        ArgumentNullException.ThrowIfNull(labels);
        LabelMoments m = LabelMoments.Compute(labels, intensity);
        var result = new RegionProperties[m.Count];
        var traced = new List<IReadOnlyList<(int Row, int Col)>>(outlines ? m.Count : 0);
        for (int k = 0; k < m.Count; k++)
        {
            ObjectMask mask = ObjectMask.Cut(labels, m.Labels[k], m.MinRow[k], m.MinCol[k], m.MaxRow[k], m.MaxCol[k]);
            result[k] = One(labels, m, k, mask);
            if (outlines) traced.Add(ObjectOutline.Of(mask, m.MinRow[k], m.MinCol[k]));
        }
        return new ImageMeasurement(name, labels.Width, labels.Height, result, traced);
    }

    private static RegionProperties One(LabelImage labels, LabelMoments m, int k, ObjectMask mask)
    {
        int minRow = m.MinRow[k], minCol = m.MinCol[k], maxRow = m.MaxRow[k], maxCol = m.MaxCol[k];
        long area = m.Area[k];
        long[] quads = QuadConfigurations.Of(mask);
        ConvexImage convex = ConvexImage.Of(mask);
        double perimeter = WeightedPerimeter.Of(mask);
        var ellipse = InertiaEllipse.Of(area, m.SumRow[k], m.SumCol[k], m.SumRowRow[k], m.SumColCol[k], m.SumRowCol[k]);
        int channels = m.Channels;
        var mean = new double[channels];
        var min = new double[channels];
        var max = new double[channels];
        for (int ch = 0; ch < channels; ch++)
        {
            mean[ch] = m.IntensitySum[k * channels + ch] / area;
            min[ch] = m.IntensityMin[k * channels + ch];
            max[ch] = m.IntensityMax[k * channels + ch];
        }
        return new RegionProperties
        {
            Label = m.Labels[k],
            Area = area,
            BboxMinRow = minRow,
            BboxMinCol = minCol,
            BboxMaxRow = maxRow + 1,
            BboxMaxCol = maxCol + 1,
            CentroidRow = (double)m.SumRow[k] / area,
            CentroidCol = (double)m.SumCol[k] / area,
            Perimeter = perimeter,
            PerimeterCrofton = CroftonPerimeter.Of(quads),
            Eccentricity = ellipse.Eccentricity,
            Orientation = ellipse.Orientation,
            MajorAxisLength = ellipse.MajorAxisLength,
            MinorAxisLength = ellipse.MinorAxisLength,
            EquivalentDiameter = Math.Sqrt(4 * area / Math.PI),
            Solidity = (double)area / convex.Area,
            ConvexArea = convex.Area,
            Extent = (double)area / ((long)mask.Rows * mask.Cols),
            EulerNumber = EulerNumber.Of(quads),
            FeretDiameterMax = FeretDiameter.Of(convex),
            FilledArea = FilledArea.Of(mask),
            MeanIntensity = mean,
            MinIntensity = min,
            MaxIntensity = max,
            Circularity = perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : double.NaN,
            TouchesBorder = minRow == 0 || minCol == 0 || maxRow == labels.Height - 1 || maxCol == labels.Width - 1,
        };
    }
}
