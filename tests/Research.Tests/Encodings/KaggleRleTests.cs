using FsCheck;
using FsCheck.Fluent;
using Research.Encodings;
using Research.Imaging;

namespace Research.Tests.Encodings;

public sealed class KaggleRleTests
{
    // A 3-wide, 2-high image; column-major 1-based numbering is
    //   1 3 5
    //   2 4 6
    // The mask below sets (0,0), (0,1), (1,1) and (2,0): pixels 1, 2, 4 and 5, i.e. runs "1 2 4 2".
    private static Image<byte> Tiny() => new(3, 2, 1, [255, 0, 255, 255, 255, 0]);

    [Fact]
    public void Encode_numbers_pixels_top_to_bottom_then_left_to_right()
    {
        var runs = KaggleRle.Encode(Tiny());
        Assert.Equal("1 2 4 2", KaggleRle.Format(runs));
    }

    [Fact]
    public void Runs_continue_from_the_bottom_of_one_column_into_the_next()
    {
        // Pixels 2 (x=0,y=1) and 3 (x=1,y=0) are consecutive numbers: one maximal run "2 2".
        var mask = new Image<byte>(2, 2, 1, [0, 1, 1, 0]);
        Assert.Equal("2 2", KaggleRle.Format(KaggleRle.Encode(mask)));
    }

    [Fact]
    public void Paint_sets_the_pixels_of_each_run()
    {
        var labels = new Image<ushort>(3, 2);
        int overlaps = KaggleRle.Paint(KaggleRle.Parse("1 2 4 2", 3, 2, "test"), labels, 7, out _);
        Assert.Equal(0, overlaps);
        Assert.Equal(new ushort[] { 7, 0, 7, 7, 7, 0 }, labels.Data);
    }

    [Fact]
    public void Parse_accepts_empty_text_and_touching_runs()
    {
        Assert.Empty(KaggleRle.Parse("", 4, 4, "test"));
        Assert.Equal([new RleRun(1, 2), new RleRun(3, 1)], KaggleRle.Parse(" 1 2  3 1 ", 4, 4, "test"));
    }

    [Theory]
    [InlineData("1 2 3", "odd count")]
    [InlineData("1 0", "length 0")]
    [InlineData("1 -2", "length -2")]
    [InlineData("0 2", "starts at 0")]
    [InlineData("1 x", "'x' is not a whole number")]
    [InlineData("1.5 2", "'1.5' is not a whole number")]
    [InlineData("5 3", "ends at pixel 7, past the last pixel 6 of a 3x2 image")]
    [InlineData("4 1 1 1", "run 2 ('1 1') is out of order")]
    [InlineData("1 3 3 1", "run 2 ('3 1') overlaps the previous run")]
    public void Parse_names_the_row_and_the_problem(string encoded, string expected)
    {
        var e = Assert.Throws<InputException>(() => KaggleRle.Parse(encoded, 3, 2, "f.csv line 9 (ImageId a)"));
        Assert.StartsWith("f.csv line 9 (ImageId a): ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_reports_area_and_bounding_box_per_label()
    {
        // Labels (row-major):  0 2 2
        //                      1 1 0      label 1: (0,1),(1,1) -> pixels 2,4; label 2: (1,0),(2,0) -> pixels 3,5
        var labels = new Image<ushort>(3, 2, 1, [0, 2, 2, 1, 1, 0]);
        var objects = LabelRuns.Scan(labels, binary: false);
        Assert.Equal([1, 2], objects.Select(o => o.Label));
        Assert.Equal("2 1 4 1", KaggleRle.Format(objects[0].Runs));
        Assert.Equal("3 1 5 1", KaggleRle.Format(objects[1].Runs));
        Assert.Equal((2L, 0, 1, 1, 1), (objects[0].Area, objects[0].MinX, objects[0].MinY, objects[0].MaxX, objects[0].MaxY));
        Assert.Equal((2L, 1, 0, 2, 0), (objects[1].Area, objects[1].MinX, objects[1].MinY, objects[1].MaxX, objects[1].MaxY));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Decode_after_encode_is_identity()
    {
        var masks = from w in Gen.Choose(1, 12)
                    from h in Gen.Choose(1, 12)
                    from bits in Gen.ArrayOf(Gen.Elements<byte>(0, 0, 255), w * h)
                    select new Image<byte>(w, h, 1, bits);
        return Prop.ForAll(masks.ToArbitrary(), mask =>
        {
            string text = KaggleRle.Format(KaggleRle.Encode(mask));
            var runs = KaggleRle.Parse(text, mask.Width, mask.Height, "property");
            var painted = new Image<ushort>(mask.Width, mask.Height);
            KaggleRle.Paint(runs, painted, 1, out _);
            bool same = painted.Data.Select(v => v != 0).SequenceEqual(mask.Data.Select(v => v != 0));
            bool maximal = runs.Zip(runs.Skip(1)).All(p => p.Second.Start > p.First.End + 1);
            return same && maximal;
        });
    }
}
