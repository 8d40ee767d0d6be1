using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Sam;

/// <summary>
/// The decomposed relative positional embeddings of SAM's ViT (from MViTv2): for each query row and key row a learned
/// vector indexed by their offset, likewise for columns, added to the attention logits as
/// <c>q . R_h[qy - ky] + q . R_w[qx - kx]</c>.
/// </summary>
public static class RelativePosition
{
    /// <summary>
    /// The embeddings for every (query, key) pair along one axis: a <paramref name="querySize"/> x
    /// <paramref name="keySize"/> x C tensor from the (2 max - 1) x C table, resized linearly first when the table
    /// was learned for another size (<c>get_rel_pos</c>).
    /// </summary>
    public static Tensor Lookup(int querySize, int keySize, Tensor table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var scope = NewDisposeScope();
        int maxDistance = 2 * Math.Max(querySize, keySize) - 1;
        var resized = table;
        if (table.shape[0] != maxDistance)
        {
            var line = table.reshape(1, table.shape[0], -1).permute(0, 2, 1);
            resized = nn.functional.interpolate(line, [maxDistance], mode: InterpolationMode.Linear)
                .reshape(-1, maxDistance).permute(1, 0);
        }
        double qScale = Math.Max((double)keySize / querySize, 1.0), kScale = Math.Max((double)querySize / keySize, 1.0);
        var index = new long[querySize * keySize];
        for (int q = 0; q < querySize; q++)
            for (int k = 0; k < keySize; k++)
                index[q * keySize + k] = (long)(q * qScale - k * kScale + (keySize - 1) * kScale);
        using var indices = tensor(index, device: table.device);
        return resized.index_select(0, indices).reshape(querySize, keySize, -1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Adds the decomposed relative positions to <paramref name="attention"/> ((B heads) x (qh qw) x (kh kw)) for the
    /// queries <paramref name="q"/> ((B heads) x (qh qw) x C) (<c>add_decomposed_rel_pos</c>).
    /// </summary>
    public static Tensor Add(Tensor attention, Tensor q, Tensor tableH, Tensor tableW, (int H, int W) querySize, (int H, int W) keySize)
    {
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(q);
        using var scope = NewDisposeScope();
        var rh = Lookup(querySize.H, keySize.H, tableH);
        var rw = Lookup(querySize.W, keySize.W, tableW);
        long batch = q.shape[0], dim = q.shape[2];
        var rq = q.reshape(batch, querySize.H, querySize.W, dim);
        var relH = einsum("bhwc,hkc->bhwk", rq, rh);
        var relW = einsum("bhwc,wkc->bhwk", rq, rw);
        using var one = 1.ToScalar();
        return attention.view(batch, querySize.H, querySize.W, keySize.H, keySize.W)
            .add(relH[.., .., .., .., TensorIndex.None], one)
            .add(relW[.., .., .., TensorIndex.None, ..], one)
            .view(batch, querySize.H * querySize.W, keySize.H * keySize.W)
            .MoveToOuterDisposeScope();
    }
}
