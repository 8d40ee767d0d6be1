using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;

namespace Research.Torch.Sam;

/// <summary>
/// An image file as Segment Anything takes it: one 2D frame as 8-bit RGB (grey replicated, alpha dropped, 16-bit and
/// float frames stretched from their 0.5th-99.5th percentiles to 0-255 as the previews are). A multi-page TIFF (a
/// z-stack or a time series in one file) is refused rather than reduced to its first page without a word.
/// </summary>
public static class SamImages
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InputException">Unreadable, several pages, or more than four channels.</exception>
    public static Image<byte> ReadRgb(string path)
    {
        var pages = ImageFile.ReadPages(path);
        if (pages.Count > 1)
            throw new InputException($"{path}: holds {pages.Count} pages (a z-stack or a time series); Segment Anything segments 2D frames: save each page as its own file");
        var image = pages[0];
        if (image.Channels > 4) throw new InputException($"{path}: has {image.Channels} channels; Segment Anything takes grey or RGB images (alpha is dropped)");
        return DisplayImage.ToRgb8(image);
    }
}
