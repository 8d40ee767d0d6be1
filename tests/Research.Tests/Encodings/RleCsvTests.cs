using Research.Encodings;

namespace Research.Tests.Encodings;

public sealed class RleCsvTests
{
    private static List<RleCsvRow> Rows(string text) => RleCsvReader.Read(new StringReader(text), "t.csv").ToList();

    [Fact]
    public void Reads_quoted_fields_blank_encodings_sizes_and_crlf()
    {
        var rows = Rows("ImageId,EncodedPixels,Height,Width,Usage\r\n\"a,1\",1 2 4 2,2,3,Public\r\nb,,5,6,\"say \"\"hi\"\"\"\r\n\r\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(new RleCsvRow(2, "a,1", "1 2 4 2", 2, 3), rows[0]);
        Assert.Equal(new RleCsvRow(3, "b", "", 5, 6), rows[1]);
        Assert.True(rows[1].IsEmpty);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_sizes_are_optional()
    {
        var rows = Rows("EncodedPixels,ImageId\n3 1,x\n");
        Assert.Equal(new RleCsvRow(2, "x", "3 1", null, null), Assert.Single(rows));
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_later_rows_keep_their_line_numbers()
    {
        var rows = Rows("ImageId,EncodedPixels\n\"multi\nline\",1 1\nz,2 1\n");
        Assert.Equal("multi\nline", rows[0].ImageId);
        Assert.Equal(4, rows[1].Line);
    }

    [Theory]
    [InlineData("Id,EncodedPixels\n", "line 1: the header 'Id,EncodedPixels' lacks ImageId")]
    [InlineData("ImageId,EncodedPixels\na,1 1,extra\n", "line 2: 3 fields but the header has 2")]
    [InlineData("ImageId,EncodedPixels,Height,Width\na,1 1,0,4\n", "line 2: Height '0' is not a positive whole number")]
    [InlineData("ImageId,EncodedPixels\n\"a,1 1\n", "line 2: a quoted field is not closed")]
    [InlineData("", "the file is empty")]
    public void Bad_files_name_the_line(string text, string expected)
    {
        var e = Assert.Throws<InputException>(() => Rows(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_quotes_only_when_needed_and_round_trips()
    {
        var text = new StringWriter();
        var csv = new RleCsvWriter(text, sizes: true);
        csv.WriteRow("plain", [new RleRun(1, 2)], 4, 5);
        csv.WriteRow("has,comma", [], 4, 5);
        Assert.Equal("ImageId,EncodedPixels,Height,Width\nplain,1 2,4,5\n\"has,comma\",,4,5\n", text.ToString());
        var rows = Rows(text.ToString());
        Assert.Equal(["plain", "has,comma"], rows.Select(r => r.ImageId));
    }

    [Fact]
    public void Decoder_numbers_objects_in_row_order_and_groups_non_adjacent_rows()
    {
        // 3x2 image: object 1 = pixels 1-2 (column 0), object 2 = pixel 5 (x=2, y=0), image b has no objects.
        var rows = Rows("ImageId,EncodedPixels,Height,Width\na,1 2,2,3\nb,,2,2\na,5 1,2,3\n");
        var images = RleDecoder.Decode(rows, _ => null, "t.csv").ToList();
        Assert.Equal(["a", "b"], images.Select(i => i.ImageId));
        Assert.Equal(new ushort[] { 1, 0, 2, 1, 0, 0 }, images[0].Labels.Data);
        Assert.Equal(2, images[0].Objects);
        Assert.Equal(0, images[1].Objects);
        Assert.All(images[1].Labels.Data, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Decoder_refuses_overlapping_objects_naming_both_lines()
    {
        var rows = Rows("ImageId,EncodedPixels,Height,Width\na,1 3,2,3\na,3 2,2,3\n");
        var e = Assert.Throws<InputException>(() => RleDecoder.Decode(rows, _ => null, "t.csv").ToList());
        Assert.Equal("t.csv line 3 (ImageId a): the object overlaps 1 pixel(s) of earlier objects (the first on line 2); objects of one image must not overlap.", e.Message);
    }

    [Fact]
    public void Decoder_without_a_size_names_the_image()
    {
        var rows = Rows("ImageId,EncodedPixels\nlost,1 1\n");
        var e = Assert.Throws<InputException>(() => RleDecoder.Decode(rows, _ => null, "t.csv").ToList());
        Assert.Contains("no size for ImageId lost (line 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_refuses_rows_of_one_image_with_different_sizes()
    {
        var rows = Rows("ImageId,EncodedPixels,Height,Width\na,1 1,2,3\na,4 1,3,3\n");
        var e = Assert.Throws<InputException>(() => RleDecoder.Decode(rows, _ => null, "t.csv").ToList());
        Assert.Contains("t.csv line 3 (ImageId a): size 3x3 differs from 3x2 on line 2", e.Message, StringComparison.Ordinal);
    }
}
