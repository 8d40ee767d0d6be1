using System.Security.Cryptography;
using System.Text;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;
using Research.IO;
using static TorchSharp.torch;

namespace Research.Torch.Sam.FineTuning;

/// <summary>An image embedding with the sizes needed to map prompts and masks between the image and the model's frame.</summary>
/// <param name="Embedding">1 x C x n x n.</param>
/// <param name="InputSize">The resized image's size (H, W) before padding.</param>
/// <param name="OriginalSize">The image's size (H, W).</param>
public sealed record SamEmbedding(Tensor Embedding, (int H, int W) InputSize, (int H, int W) OriginalSize) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Embedding.Dispose();
}

/// <summary>
/// Image embeddings computed once and kept on disk: the frozen image encoder gives the same embedding every epoch, so
/// fine-tuning the decoder never runs it twice. An entry is keyed by the SHA-256 of the image file's bytes, the SHA-256
/// of the weights, the model's sizes and <see cref="Conversion"/>; a changed image, other weights or another variant
/// miss the cache instead of reading a stale entry. Entries are written atomically (<c>KEY.emb</c>: a header with the
/// sizes, then float32 values).
/// </summary>
public sealed class SamEmbeddingCache
{
    /// <summary>How an image becomes the encoder's input; part of every key, so a change here invalidates old entries.</summary>
    public const string Conversion = "DisplayImage.ToRgb8 (grey replicated, 16-bit stretched 0.5-99.5 %), Pillow bilinear to the longest side, ImageNet normalisation, zero padding";

    private const int Magic = 0x424D4553; // "SEMB"
    private readonly SamModel _model;
    private readonly string _modelKey;

    /// <summary>A cache in <paramref name="folder"/> (created when needed; null: nothing is kept) for <paramref name="model"/> with weights of SHA-256 <paramref name="weightsSha256"/>.</summary>
    public SamEmbeddingCache(string? folder, SamModel model, string weightsSha256)
    {
        ArgumentNullException.ThrowIfNull(model);
        Folder = folder;
        _model = model;
        _modelKey = weightsSha256 + "\n" + Json.Serialize(model.Config) + "\n" + Conversion;
    }

    /// <summary>The cache folder, or null when embeddings are not kept.</summary>
    public string? Folder { get; }

    /// <summary>Embeddings read from the cache.</summary>
    public int Hits { get; private set; }

    /// <summary>Embeddings computed (and written).</summary>
    public int Computed { get; private set; }

    /// <summary>The cache file of <paramref name="imagePath"/>.</summary>
    public string PathOf(string imagePath)
    {
        string key = _modelKey + "\n" + FileHash.Sha256(imagePath);
        return Path.Combine(Folder ?? "", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".emb");
    }

    /// <summary>The embedding of <paramref name="imagePath"/>: read from the cache, or computed with the image encoder and stored.</summary>
    /// <exception cref="InputException">The image cannot be read or is not grey or RGB.</exception>
    public SamEmbedding Get(string imagePath)
    {
        string? path = Folder is null ? null : PathOf(imagePath);
        if (path is not null && File.Exists(path) && TryRead(path) is { } cached)
        {
            Hits++;
            return cached;
        }
        var image = SamImages.ReadRgb(imagePath);
        using var predictor = new SamPredictor(_model);
        predictor.SetImage(image);
        var embedding = new SamEmbedding(predictor.Embedding.clone(), predictor.InputSize, predictor.OriginalSize);
        if (path is not null)
        {
            Directory.CreateDirectory(Folder!);
            Write(path, embedding);
        }
        Computed++;
        return embedding;
    }

    private static void Write(string path, SamEmbedding e)
    {
        using var values = e.Embedding.contiguous();
        float[] data = values.data<float>().ToArray();
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            foreach (long d in e.Embedding.shape) writer.Write((int)d);
            writer.Write(e.InputSize.H);
            writer.Write(e.InputSize.W);
            writer.Write(e.OriginalSize.H);
            writer.Write(e.OriginalSize.W);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        });
    }

    /// <summary>The entry, or null when it is truncated or of another format (it is then recomputed).</summary>
    private static SamEmbedding? TryRead(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic) return null;
            long[] shape = [reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()];
            if (shape.Any(d => d <= 0) || shape.Aggregate(1L, (a, b) => a * b) * sizeof(float) > reader.BaseStream.Length) return null;
            var input = (reader.ReadInt32(), reader.ReadInt32());
            var original = (reader.ReadInt32(), reader.ReadInt32());
            long count = shape.Aggregate(1L, (a, b) => a * b);
            var bytes = reader.ReadBytes(checked((int)(count * sizeof(float))));
            if (bytes.Length != count * sizeof(float) || reader.BaseStream.Position != reader.BaseStream.Length) return null;
            var data = new float[count];
            Buffer.BlockCopy(bytes, 0, data, 0, bytes.Length);
            return new SamEmbedding(tensor(data, shape), input, original);
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
