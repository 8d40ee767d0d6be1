using Research.Datasheets;
using Research.Imaging;
using Research.Imaging.Drawing;

namespace Research.Tests.Datasheets;

/// <summary>The tiles of the datasheet's example grid.</summary>
public sealed class ExampleGridTests
{
    [Fact]
    public void A_large_image_is_shrunk_before_its_outlines_are_drawn_so_they_stay_closed()
    {
        // 600 x 600 with one disc of radius 100: step 3, a 200 x 200 tile.
        const int size = 600;
        var image = new Image<byte>(size, size);
        var labels = new Image<ushort>(size, size);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                if ((x - 300) * (x - 300) + (y - 300) * (y - 300) <= 100 * 100) { labels[x, y] = 1; image[x, y] = 90; }

        var tile = ExampleGrid.Tile(image, labels);

        Assert.Equal((200, 200), (tile.Width, tile.Height));
        var (r, g, b) = LabelOutlines.Colour(1);
        bool Outline(int x, int y) => x >= 0 && y >= 0 && x < 200 && y < 200
            && tile.Data[(y * 200 + x) * 3] == r && tile.Data[(y * 200 + x) * 3 + 1] == g && tile.Data[(y * 200 + x) * 3 + 2] == b;
        var ring = Enumerable.Range(0, 200 * 200).Where(i => Outline(i % 200, i / 200)).ToList();
        Assert.InRange(ring.Count, 150, 260); // about 2 pi x 33 px
        // Closed: every outline pixel has at least two outline pixels among its 8 neighbours (drawing first and then
        // keeping every third pixel left most of them isolated).
        foreach (int i in ring)
        {
            int x = i % 200, y = i / 200, neighbours = 0;
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if ((dx, dy) != (0, 0) && Outline(x + dx, y + dy)) neighbours++;
            Assert.True(neighbours >= 2, $"outline pixel ({x}, {y}) has {neighbours} outline neighbours");
        }
    }

    [Fact]
    public void Labels_of_another_size_are_not_drawn()
    {
        var tile = ExampleGrid.Tile(new Image<byte>(20, 10), new Image<ushort>(10, 10, 1, Enumerable.Repeat((ushort)1, 100).ToArray()));
        Assert.All(tile.Data, v => Assert.Equal(0, v));
    }
}

/// <summary>Manifest answers are Markdown; the HTML datasheet renders them.</summary>
public sealed class HtmlAnswerTests
{
    [Fact]
    public void Lists_tables_and_emphasis_are_rendered_and_raw_html_is_escaped()
    {
        string html = HtmlDatasheet.AnswerHtml("Splits:\n\n| split | images |\n|---|---|\n| train | 670 |\n\n- **one** `a.png`\n- two <script>x</script>");
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>670</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>one</strong> <code>a.png</code></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
