using System.Net;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;

namespace Research.Notebooks.Display;

/// <summary>HTML for images in notebook outputs: an inline PNG, optionally with label outlines drawn on it.</summary>
public static class ImageHtml
{
    /// <summary>A <c>data:image/png;base64,...</c> URI of the image as displayed (see <see cref="DisplayImage.ToRgb8"/>).</summary>
    public static string PngDataUri(IImage image, Image<ushort>? outlines = null)
    {
        var rgb = DisplayImage.ToRgb8(image);
        if (outlines is not null) LabelOutlines.Draw(rgb, outlines);
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, rgb);
        return "data:image/png;base64," + Convert.ToBase64String(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>An <c>&lt;img&gt;</c> element showing the image at its pixel size, pixelated when enlarged, with a caption as its title.</summary>
    public static string ImgTag(IImage image, string? caption = null, Image<ushort>? outlines = null)
    {
        string title = WebUtility.HtmlEncode(caption ?? $"{image.Width}x{image.Height}x{image.Channels} {image.PixelType}");
        return $"<img src=\"{PngDataUri(image, outlines)}\" width=\"{image.Width}\" height=\"{image.Height}\" " +
               $"style=\"image-rendering:pixelated\" title=\"{title}\" alt=\"{title}\"/>";
    }
}
