using System.Text.Json.Serialization;

namespace Research.Encodings;

/// <summary>A COCO instances file: images, annotations, categories (the keys COCO tools read).</summary>
/// <param name="Images">One entry per image.</param>
/// <param name="Annotations">One entry per object.</param>
/// <param name="Categories">The object categories.</param>
public sealed record CocoDataset(IReadOnlyList<CocoImage> Images, IReadOnlyList<CocoAnnotation> Annotations, IReadOnlyList<CocoCategory> Categories);

/// <summary>A COCO image entry.</summary>
/// <param name="Id">Image id (1-based).</param>
/// <param name="FileName">The image's file name.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record CocoImage(int Id, string FileName, int Width, int Height);

/// <summary>A COCO object annotation with an uncompressed RLE segmentation.</summary>
/// <param name="Id">Annotation id (1-based, unique in the file).</param>
/// <param name="ImageId">The image's id.</param>
/// <param name="CategoryId">The category's id.</param>
/// <param name="Segmentation">The object's mask as COCO uncompressed RLE.</param>
/// <param name="Area">Number of pixels.</param>
/// <param name="Bbox">[x, y, width, height] of the tightest box around the pixels (pixel edges, so a single pixel is [x, y, 1, 1]).</param>
/// <param name="IsCrowd">Always 0: each annotation is one object.</param>
public sealed record CocoAnnotation(int Id, int ImageId, int CategoryId, CocoRle Segmentation, long Area, int[] Bbox,
    [property: JsonPropertyName("iscrowd")] int IsCrowd);

/// <summary>
/// COCO uncompressed RLE: <see cref="Counts"/> alternate background and object run lengths over the pixels in
/// column-major order (top to bottom, then left to right), starting with background (so the first count may be 0);
/// they sum to height x width. <see cref="Size"/> is [height, width].
/// </summary>
/// <param name="Counts">Run lengths, background first.</param>
/// <param name="Size">[height, width].</param>
public sealed record CocoRle(long[] Counts, int[] Size);

/// <summary>A COCO category.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Category name, e.g. "nucleus".</param>
/// <param name="Supercategory">Parent category name.</param>
public sealed record CocoCategory(int Id, string Name, string Supercategory);
