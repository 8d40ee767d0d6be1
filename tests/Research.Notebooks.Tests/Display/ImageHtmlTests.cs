using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Notebooks.Display;

namespace Research.Notebooks.Tests.Display;

public sealed class ImageHtmlTests
{
    [Fact]
    public void The_data_uri_decodes_to_the_displayed_pixels()
    {
        var grey = new Image<byte>(3, 2, 1, [0, 50, 100, 150, 200, 250]);
        string uri = ImageHtml.PngDataUri(grey);
        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);
        using var stream = new MemoryStream(Convert.FromBase64String(uri["data:image/png;base64,".Length..]));
        var decoded = (Image<byte>)ImageFile.Read(stream, "uri.png");
        Assert.Equal(3, decoded.Channels);
        Assert.Equal(new byte[] { 0, 0, 0, 50, 50, 50, 100, 100, 100 }, decoded.Row(0).ToArray());
    }

    [Fact]
    public void Outlines_colour_the_object_boundary_only()
    {
        var grey = new Image<byte>(5, 5, 1);
        var labels = new Image<ushort>(5, 5, 1);
        for (int y = 1; y <= 3; y++) for (int x = 1; x <= 3; x++) labels[x, y] = 1;
        string uri = ImageHtml.PngDataUri(grey, labels);
        using var stream = new MemoryStream(Convert.FromBase64String(uri["data:image/png;base64,".Length..]));
        var decoded = (Image<byte>)ImageFile.Read(stream, "uri.png");
        Assert.NotEqual(0, decoded[1, 1, 0] + decoded[1, 1, 1] + decoded[1, 1, 2]); // boundary of the 3x3 square
        Assert.Equal(0, decoded[2, 2, 0] + decoded[2, 2, 1] + decoded[2, 2, 2]);    // its centre stays black
        Assert.Equal(0, decoded[0, 0, 0] + decoded[0, 0, 1] + decoded[0, 0, 2]);    // background stays black
    }

    [Fact]
    public void The_img_tag_encodes_its_caption()
    {
        string tag = ImageHtml.ImgTag(new Image<byte>(2, 2, 1), "a <b> & c");
        Assert.Contains("title=\"a &lt;b&gt; &amp; c\"", tag, StringComparison.Ordinal);
        Assert.Contains("width=\"2\"", tag, StringComparison.Ordinal);
    }
}
