using Research.Torch.Runtime;
using Research.Processing.Labels;
using static TorchSharp.torch;

namespace Research.Torch.Inference;

/// <summary>
/// Class probabilities of an image of any size (<see cref="ProbabilityMaps"/>: the sigmoid of a one-logit model, the
/// softmax planes of a K-class model): overlapping square tiles (the last row and column are shifted
/// inwards to end at the image edge), each padded with zeros to a multiple of the model's stride when the image is
/// smaller, blended with weights that rise as a cosine ramp across the overlap (1 inside, a floor of 1e-3 at tile edges).
/// With test-time augmentation each tile is predicted under the 8 D4 transforms and the inverse-transformed
/// probabilities are averaged. Every forward runs inside a dispose scope under no_grad.
/// </summary>
public static class TiledPrediction
{
    /// <summary>Throws an <see cref="InputException"/> unless <paramref name="tile"/> is at least 16 px and <paramref name="overlap"/> in [0, tile / 2).</summary>
    public static void ValidateTiling(int tile, int overlap)
    {
        if (tile < 16) throw new InputException($"--tile must be at least 16 pixels, got {tile}.");
        if (overlap < 0 || overlap * 2 >= tile) throw new InputException($"--overlap must be in [0, tile / 2), got {overlap} for tile {tile}.");
    }

    /// <summary>The probability maps of a CHW image; <paramref name="classes"/> is the model's number of output channels.</summary>
    public static ProbabilityMaps Probabilities(nn.Module<Tensor, Tensor> model, int classes, float[] image, int channels, int height, int width,
        int tile, int overlap, int stride, bool tta, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(image);
        int t = (Math.Min(tile, Math.Max(height, width)) + stride - 1) / stride * stride;
        int plane = height * width;
        var sum = new float[classes * plane];
        var weight = new float[plane];
        var ramp = Ramp(t, overlap);
        foreach (int y0 in Starts(height, t, overlap))
        {
            foreach (int x0 in Starts(width, t, overlap))
            {
                var patch = Extract(image, channels, height, width, x0, y0, t);
                var p = PredictTile(model, classes, patch, channels, t, tta, device);
                for (int y = 0; y < t && y0 + y < height; y++)
                {
                    for (int x = 0; x < t && x0 + x < width; x++)
                    {
                        float w = ramp[x] * ramp[y];
                        int i = (y0 + y) * width + x0 + x;
                        for (int k = 0; k < classes; k++) sum[k * plane + i] += w * p[(k * t + y) * t + x];
                        weight[i] += w;
                    }
                }
            }
        }
        for (int k = 0; k < classes; k++)
        {
            for (int i = 0; i < plane; i++) sum[k * plane + i] /= weight[i];
        }
        return new ProbabilityMaps(classes, width, height, sum);
    }

    /// <summary>Tile origins along one axis: steps of tile - overlap, the last one moved back to end at the edge.</summary>
    public static IEnumerable<int> Starts(int length, int tile, int overlap)
    {
        if (length <= tile) { yield return 0; yield break; }
        int step = tile - overlap;
        int start = 0;
        for (; start + tile < length; start += step) yield return start;
        yield return length - tile;
    }

    private static float[] Ramp(int tile, int overlap)
    {
        var r = new float[tile];
        for (int i = 0; i < tile; i++)
        {
            int edge = Math.Min(i, tile - 1 - i);
            r[i] = overlap == 0 || edge >= overlap ? 1f : (float)Math.Max(1e-3, 0.5 - 0.5 * Math.Cos(Math.PI * (edge + 0.5) / overlap));
        }
        return r;
    }

    private static float[] Extract(float[] image, int channels, int height, int width, int x0, int y0, int t)
    {
        var patch = new float[channels * t * t];
        int w = Math.Min(t, width - x0), h = Math.Min(t, height - y0);
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < h; y++) Array.Copy(image, c * height * width + (y0 + y) * width + x0, patch, c * t * t + y * t, w);
        }
        return patch;
    }

    private static float[] PredictTile(nn.Module<Tensor, Tensor> model, int classes, float[] patch, int channels, int t, bool tta, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(patch, [1, channels, t, t]).to(device);
        Tensor total = zeros(1, classes, t, t, device: device);
        int transforms = tta ? 8 : 1;
        for (int k = 0; k < transforms; k++)
        {
            var input = D4(x, k, inverse: false);
            var logits = model.call(input);
            if (logits.shape[1] != classes) throw new InvalidOperationException($"The model has {logits.shape[1]} output channels, not {classes}.");
            var probability = classes == 1 ? sigmoid(logits) : softmax(logits, 1);
            total = GcSafe.Add(total, D4(probability, k, inverse: true));
        }
        return GcSafe.With(transforms, n => total.div(n)).cpu().data<float>().ToArray();
    }

    /// <summary>D4 element k (k mod 4 quarter turns, a horizontal flip from 4 on) or its inverse, on the last two axes.</summary>
    private static Tensor D4(Tensor x, int k, bool inverse)
    {
        (long, long) dims = (2, 3);
        if (!inverse)
        {
            var r = x.rot90(k % 4, dims);
            return k >= 4 ? r.flip(3) : r;
        }
        var f = k >= 4 ? x.flip(3) : x;
        return f.rot90(-(k % 4), dims);
    }
}
