using Research.Imaging;

namespace Research.Encodings;

/// <summary>One image decoded from an RLE CSV: its id, the 16-bit label image (labels 1..n in row order) and n.</summary>
/// <param name="ImageId">The ImageId of the rows.</param>
/// <param name="Labels">Label image: 0 background, object k of the image (in CSV row order) has label k.</param>
/// <param name="Objects">Number of objects (n).</param>
public sealed record RleDecodedImage(string ImageId, Image<ushort> Labels, int Objects);
