namespace Research.Encodings;

/// <summary>One row of a Kaggle RLE CSV file (<c>ImageId,EncodedPixels[,Height,Width,...]</c>).</summary>
/// <param name="Line">The 1-based line of the file on which the row starts (the header is line 1).</param>
/// <param name="ImageId">The image the object belongs to.</param>
/// <param name="EncodedPixels">The object's runs as text; empty for an image without objects.</param>
/// <param name="Height">The image height from a Height column, if the file has one.</param>
/// <param name="Width">The image width from a Width column, if the file has one.</param>
public sealed record RleCsvRow(int Line, string ImageId, string EncodedPixels, int? Height, int? Width)
{
    /// <summary>True when the row stands for an image without objects (blank EncodedPixels).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(EncodedPixels);
}
