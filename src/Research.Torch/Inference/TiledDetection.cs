using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Training.Tasks;
using static TorchSharp.torch;

namespace Research.Torch.Inference;

/// <summary>
/// Mask R-CNN over an image of any size: square tiles of <c>tile</c> pixels overlapping by at least <c>overlap</c>
/// (the grid of <see cref="TiledPrediction.Starts"/>), each magnified by the run's detection scale and detected alone.
/// Each tile owns a core: the image split half-way across every overlap, so the cores partition the image. A detection
/// is kept only from the tile whose core holds its box centre, so an object seen whole by two tiles is kept once. An
/// object wider than the overlap is seen cut by both tiles, and both cut boxes may have their centres in their own
/// tile's core: it then comes out as two objects (use an overlap larger than the largest object, or a tile bigger than
/// the image).
/// </summary>
public static class TiledDetection
{
    /// <summary>The detections of a CHW image (scores at least the model's 0.05), in image pixels.</summary>
    public static IReadOnlyList<ObjectDetection> Detect(MaskRcnnModel model, float[] image, int channels, int height, int width,
        double scale, int tile, int overlap, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(image);
        var ys = TiledPrediction.Starts(height, Math.Min(tile, height), overlap).ToArray();
        var xs = TiledPrediction.Starts(width, Math.Min(tile, width), overlap).ToArray();
        int th = Math.Min(tile, height), tw = Math.Min(tile, width);
        var result = new List<ObjectDetection>();
        using var all = tensor(image, [channels, height, width]);
        for (int j = 0; j < ys.Length; j++)
        {
            var (ylo, yhi) = Core(ys, j, th, height);
            for (int i = 0; i < xs.Length; i++)
            {
                var (xlo, xhi) = Core(xs, i, tw, width);
                using var scope = NewDisposeScope();
                var patch = InstanceDetectionTask.Rgb(all.narrow(1, ys[j], th).narrow(2, xs[i], tw)).to(device);
                var found = model.Predict([patch], DetectionTransform.ForScale(scale, th, tw))[0];
                var boxes = found.Boxes.cpu().data<float>().ToArray();
                var scores = found.Scores.cpu().data<float>().ToArray();
                for (int d = 0; d < scores.Length; d++)
                {
                    float cx = xs[i] + (boxes[d * 4] + boxes[d * 4 + 2]) / 2, cy = ys[j] + (boxes[d * 4 + 1] + boxes[d * 4 + 3]) / 2;
                    if (cx < xlo || cx >= xhi || cy < ylo || cy >= yhi) continue;
                    result.Add(Extract(found.Masks[d, 0], scores[d], boxes.AsSpan(d * 4, 4), xs[i], ys[j], tw, th));
                }
            }
        }
        return result;
    }

    /// <summary>The core [lo, hi) of tile <paramref name="k"/> along one axis: half-way into the overlap with each neighbour.</summary>
    public static (float Lo, float Hi) Core(IReadOnlyList<int> starts, int k, int tile, int length)
    {
        ArgumentNullException.ThrowIfNull(starts);
        float lo = k == 0 ? float.NegativeInfinity : (starts[k] + starts[k - 1] + tile) / 2f;
        float hi = k == starts.Count - 1 ? float.PositiveInfinity : (starts[k + 1] + starts[k] + tile) / 2f;
        return (lo, hi);
    }

    // The pasted mask over the box enlarged as paste_masks_in_image enlarges it (by 30/28 about the centre), plus one pixel.
    private static ObjectDetection Extract(Tensor mask, float score, ReadOnlySpan<float> box, int offsetX, int offsetY, int tileWidth, int tileHeight)
    {
        float halfW = (box[2] - box[0]) * 0.5f * 30f / 28f, halfH = (box[3] - box[1]) * 0.5f * 30f / 28f;
        float cx = (box[0] + box[2]) * 0.5f, cy = (box[1] + box[3]) * 0.5f;
        int x0 = Math.Max(0, (int)Math.Floor(cx - halfW) - 1), x1 = Math.Min(tileWidth, (int)Math.Ceiling(cx + halfW) + 2);
        int y0 = Math.Max(0, (int)Math.Floor(cy - halfH) - 1), y1 = Math.Min(tileHeight, (int)Math.Ceiling(cy + halfH) + 2);
        if (x1 <= x0 || y1 <= y0) return new ObjectDetection(score, offsetX + x0, offsetY + y0, 0, 0, []);
        using var region = mask.narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0).cpu().contiguous();
        return new ObjectDetection(score, offsetX + x0, offsetY + y0, x1 - x0, y1 - y0, region.data<float>().ToArray());
    }
}
