using Research.Torch.Runtime;
using Research.Torch.Sam;
using Research.Torch.Sam.FineTuning;

namespace Research.Torch.Tests.Sam.FineTuning;

/// <summary>
/// Fine-tuning's data on the real Cell Tracking Challenge copy (../shared/data/ctc/Fluo-N2DH-GOWT1): the gold frames of
/// each sequence with their box prompts, the frames without segmentation counted, and the embedding cache on a real
/// 1024 x 1024 frame (with the tiny SAM of the reference script).
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class SamGowt1Tests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sam-gowt1").FullName;
    private static string Root => TestSupport.Repository.SharedData(Path.Combine("ctc", "Fluo-N2DH-GOWT1"));

    public void Dispose() => Directory.Delete(dir, true);

    [Theory]
    [InlineData("01/*", 30, 62)]
    [InlineData("02/*", 20, 72)]
    public void Gold_frames_give_one_box_per_object_and_the_others_are_counted(string include, int annotated, int without)
    {
        var frames = SamFrames.Read("ctc-fluo-n2dh-gowt1", Root, include, out int withoutTruth, out int empty, out int listed);
        Assert.Equal(annotated, frames.Count);
        Assert.Equal(without, withoutTruth);
        Assert.Equal(0, empty);
        Assert.Equal(92, listed);
        foreach (var frame in frames)
        {
            Assert.Equal((1024, 1024), (frame.Truth.Width, frame.Truth.Height));
            Assert.Equal(frame.Truth.Data.Where(v => v != 0).Distinct().Count(), frame.Objects.Count);
            foreach (var (label, box) in frame.Objects)
            {
                Assert.True(box[0] >= 0 && box[1] >= 0 && box[2] <= 1024 && box[3] <= 1024 && box[2] > box[0] && box[3] > box[1], $"{frame.Id}, label {label}: box [{string.Join(", ", box)}]");
                // the box is exact: the object touches all four sides
                int x0 = (int)box[0], y0 = (int)box[1], x1 = (int)box[2] - 1, y1 = (int)box[3] - 1;
                bool Touches(Func<int, int> at, int from, int to) => Enumerable.Range(from, to - from + 1).Any(k => frame.Truth.Data[at(k)] == label);
                Assert.True(Touches(x => y0 * 1024 + x, x0, x1) && Touches(x => y1 * 1024 + x, x0, x1) && Touches(y => y * 1024 + x0, y0, y1) && Touches(y => y * 1024 + x1, y0, y1), $"{frame.Id}, label {label}");
            }
        }
        Assert.InRange(frames.Sum(f => f.Objects.Count), annotated, annotated * 40);
    }

    [Fact]
    public void A_real_frame_is_embedded_once_and_then_read_from_the_cache()
    {
        TorchRuntime.EnsureLoaded();
        using var model = new SamModel(SamFixtures.Tiny);
        SamCheckpoint.Load(model, SamFixtures.File("sam_tiny.pth"));
        var frame = SamFrames.Read("ctc-fluo-n2dh-gowt1", Root, "01/t002", out _, out _, out _)[0];
        var cache = new SamEmbeddingCache(dir, model, "weights");
        using (var first = cache.Get(frame.ImagePath)) Assert.Equal((1024, 1024), first.OriginalSize);
        using (var second = cache.Get(frame.ImagePath)) Assert.Equal((64, 64), second.InputSize);
        Assert.Equal((1, 1), (cache.Computed, cache.Hits));
        using var third = cache.Get(frame.ImagePath);
        var result = SamEvaluation.Frame(model, frame, third);
        Assert.Equal(frame.Objects.Count, (int)result.Counts.TrueObjects);
    }
}
