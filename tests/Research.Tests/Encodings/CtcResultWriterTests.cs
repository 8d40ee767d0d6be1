using Research.Encodings;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.Encodings;

public sealed class CtcResultWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "research-ctc-tests", Guid.NewGuid().ToString("N"));

    public CtcResultWriterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A 4x1 frame whose pixels hold the given labels.</summary>
    private static Image<ushort> Frame(params ushort[] labels) => new(4, 1, 1, labels);

    [Fact]
    public void Tracks_and_masks_of_a_dividing_cell()
    {
        // Label 1 in frames 0-1, divides into 2 and 3 (frames 2-3); label 4 only in frame 3.
        Image<ushort>[] frames = [Frame(1, 1, 0, 0), Frame(0, 1, 1, 0), Frame(2, 0, 3, 0), Frame(2, 0, 3, 4)];
        string res = Path.Combine(_dir, "01_RES");
        var tracks = CtcResultWriter.Write(res, frames, new Dictionary<int, int> { [2] = 1, [3] = 1 });
        Assert.Equal("1 0 1 0\n2 2 3 1\n3 2 3 1\n4 3 3 0\n", File.ReadAllText(Path.Combine(res, "res_track.txt")));
        Assert.Equal(4, tracks.Count);
        Assert.Equal(["mask000.tif", "mask001.tif", "mask002.tif", "mask003.tif", "res_track.txt"], Directory.GetFiles(res).Select(Path.GetFileName).Order());
        Assert.Equal(frames[3].Data, ImageFile.Read<ushort>(Path.Combine(res, "mask003.tif")).Data);
    }

    [Fact]
    public void A_label_that_disappears_and_reappears_is_an_error_by_default()
    {
        Image<ushort>[] frames = [Frame(5, 0, 0, 0), Frame(0, 0, 0, 0), Frame(0, 5, 0, 0)];
        var e = Assert.Throws<InputException>(() => CtcResultWriter.Write(Path.Combine(_dir, "res"), frames));
        Assert.Contains("Label 5 is present in frames 0-0, absent in frames 1-1 and present again from frame 2", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "res")));
    }

    [Fact]
    public void The_split_policy_gives_a_reappearance_a_new_label_whose_parent_is_the_track_before_the_gap()
    {
        // Label 5: frames 0, 2, 4 (two gaps) -> tracks 5 (0-0), 7 (2-2, parent 5), 8 (4-4, parent 7); label 6 is the largest
        // original label, so new labels start at 7. Label 6 (frame 4) has parent 5, whose last segment ending before
        // frame 4 is track 7.
        Image<ushort>[] frames = [Frame(5, 0, 0, 0), Frame(0, 0, 0, 0), Frame(0, 5, 0, 0), Frame(0, 0, 0, 0), Frame(0, 0, 5, 6)];
        string res = Path.Combine(_dir, "res");
        var tracks = CtcResultWriter.Write(res, frames, new Dictionary<int, int> { [6] = 5 }, CtcGapPolicy.Split);
        Assert.Equal("5 0 0 0\n6 4 4 7\n7 2 2 5\n8 4 4 7\n", CtcResultWriter.FormatTracks(tracks));
        Assert.Equal(new ushort[] { 0, 7, 0, 0 }, ImageFile.Read<ushort>(Path.Combine(res, "mask002.tif")).Data);
        Assert.Equal(new ushort[] { 0, 0, 8, 6 }, ImageFile.Read<ushort>(Path.Combine(res, "mask004.tif")).Data);
        Assert.Equal(new ushort[] { 0, 5, 0, 0 }, frames[2].Data); // the caller's frames are not changed
    }

    [Theory]
    [InlineData(3, 1, "Label 3 begins in frame 1 but its parent 1 is present from frame 0 to 1")]
    [InlineData(3, 9, "Label 3 has parent 9, which is in no frame")]
    [InlineData(3, 3, "Label 3 is given itself as parent")]
    public void Impossible_parents_are_refused(int child, int parent, string expected)
    {
        Image<ushort>[] frames = [Frame(1, 0, 0, 0), Frame(1, 3, 0, 0)];
        var e = Assert.Throws<InputException>(() => CtcTracking.Build(frames, new Dictionary<int, int> { [child] = parent }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_of_different_sizes_are_refused()
    {
        var e = Assert.Throws<InputException>(() => CtcTracking.Build([Frame(0, 0, 0, 0), new Image<ushort>(2, 2)]));
        Assert.Contains("Frame 1 is 2x2 but frame 0 is 4x1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10, "mask000.tif")]
    [InlineData(999, 1000, "mask999.tif")]
    [InlineData(7, 1001, "mask0007.tif")]
    public void Frame_numbers_have_three_digits_or_four_past_999(int t, int count, string expected) =>
        Assert.Equal(expected, CtcResultWriter.FrameFileName(t, count));
}
