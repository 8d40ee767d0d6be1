using Research.Imaging;
using Research.Imaging.Drawing;

namespace Research.Tests.Imaging.Drawing;

public sealed class BoxOutlinesTests
{
    [Fact]
    public void A_box_of_pixel_edges_outlines_exactly_the_pixels_it_covers_and_clips_at_the_border()
    {
        // box (1, 1, 4, 4) covers pixels 1..3 in x and y: its outline is the ring of that 3 x 3 square; box (4, 4, 9, 9)
        // leaves the 5 x 5 image except for pixel (4, 4).
        var rgb = new Image<byte>(5, 5, 3);
        BoxOutlines.Draw(rgb, [[1, 1, 4, 4], [4, 4, 9, 9]]);
        var first = LabelOutlines.Colour(1);
        var second = LabelOutlines.Colour(2);
        string map = "";
        for (int y = 0; y < 5; y++)
        {
            for (int x = 0; x < 5; x++)
            {
                int i = (y * 5 + x) * 3;
                var c = (rgb.Data[i], rgb.Data[i + 1], rgb.Data[i + 2]);
                map += c == first ? '1' : c == second ? '2' : c == (0, 0, 0) ? '.' : '?';
            }
            map += '\n';
        }
        Assert.Equal(".....\n.111.\n.1.1.\n.111.\n....2\n", map);
        Assert.Throws<ArgumentException>(() => BoxOutlines.Draw(new Image<byte>(2, 2, 1), [[0, 0, 1, 1]]));
    }
}
