namespace Research.Measurements;

/// <summary>The objects of one label image and its per-image summary (a row of <c>images.csv</c>).</summary>
/// <param name="Image">The label file's name (or the dataset sample's id).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Objects">The objects in label order (empty for an all-background image).</param>
/// <param name="Outlines">Each object's outline, aligned with <paramref name="Objects"/> (empty when not traced).</param>
public sealed record ImageMeasurement(string Image, int Width, int Height, IReadOnlyList<RegionProperties> Objects, IReadOnlyList<IReadOnlyList<(int Row, int Col)>> Outlines)
{
    /// <summary>Object pixels (the sum of the areas).</summary>
    public long TotalArea => Objects.Sum(o => o.Area);

    /// <summary>Mean object area, NaN without objects.</summary>
    public double MeanArea => Objects.Count == 0 ? double.NaN : (double)TotalArea / Objects.Count;

    /// <summary>Fraction of the image covered by objects.</summary>
    public double Coverage => (double)TotalArea / ((long)Width * Height);

    /// <summary>Intensity channels measured (0 without an intensity image).</summary>
    public int Channels => Objects.Count == 0 ? 0 : Objects[0].MeanIntensity.Length;
}
