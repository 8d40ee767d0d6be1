using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Metrics;
using Research.Randomness;

namespace Research.Benchmarks.Fixtures;

/// <summary>
/// A small private loader for the 65 DSB2018 stage1_test images (the dataset readers live on another branch):
/// truth = the per-object mask PNGs of <c>stage1_test/&lt;id&gt;/masks/</c> combined into one label image (mask k in
/// ordinal file-name order gets label k + 1); prediction = a deterministic perturbation of the truth.
/// </summary>
public static class DsbTestLabels
{
    /// <summary>../shared/data/dsb2018/stage1_test beside the repository.</summary>
    public static string Folder()
    {
        string folder = RepositoryPaths.SharedDsb2018("stage1_test");
        return folder;
    }

    /// <summary>Loads every image's truth and makes its prediction with <see cref="Perturb"/>.</summary>
    public static IReadOnlyList<LabelPair> Load(string folder, ulong seed)
    {
        var pairs = new List<LabelPair>();
        var ids = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        for (int index = 0; index < ids.Length; index++)
        {
            string id = ids[index]!;
            var masks = Directory.GetFiles(Path.Combine(folder, id, "masks"), "*.png").Order(StringComparer.Ordinal).ToArray();
            LabelImage? truth = null;
            for (int k = 0; k < masks.Length; k++)
            {
                var mask = GreyConversion.ToGrey(ImageFile.Read(masks[k]));
                if (mask is not Image<byte> bytes) throw new InputException($"{masks[k]}: expected an 8-bit mask.");
                truth ??= LabelImage.Empty(bytes.Width, bytes.Height, Path.Combine(folder, id));
                for (int i = 0; i < bytes.Data.Length; i++) if (bytes.Data[i] > 0) truth.Data[i] = k + 1;
            }
            truth ??= LabelImage.Empty(1, 1);
            pairs.Add(new LabelPair(id, truth, Perturb(truth, SeededRandom.Derive(seed, (ulong)index))));
        }
        return pairs;
    }

    /// <summary>
    /// Per object (label order), one draw: 10 % dropped, 10 % eroded by one pixel (4-neighbourhood), 10 % dilated by one
    /// pixel into background, 15 % shifted by (dx, dy) in [-3, 3], 10 % merged into the previous object's label,
    /// otherwise kept. Shifted and dilated pixels never overwrite another object.
    /// </summary>
    public static LabelImage Perturb(LabelImage truth, SeededRandom rng)
    {
        int w = truth.Width, h = truth.Height;
        var t = truth.Data;
        var p = new int[t.Length];
        int max = t.Length == 0 ? 0 : t.Max();
        var pixels = new List<int>[max + 1];
        for (int i = 0; i < t.Length; i++) if (t[i] > 0) (pixels[t[i]] ??= []).Add(i);
        int previous = 0;
        for (int label = 1; label <= max; label++)
        {
            if (pixels[label] is not { } members) continue;
            double u = rng.NextDouble();
            int dx = rng.NextInt(-3, 4), dy = rng.NextInt(-3, 4);
            int target = u >= 0.45 && u < 0.55 && previous > 0 ? previous : label;
            foreach (int i in members)
            {
                int x = i % w, y = i / w;
                if (u < 0.10) break;
                bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || t[i - 1] != label || t[i + 1] != label || t[i - w] != label || t[i + w] != label;
                if (u < 0.20 && edge) continue;
                if (u >= 0.30 && u < 0.45)
                {
                    int nx = x + dx, ny = y + dy;
                    if ((uint)nx < (uint)w && (uint)ny < (uint)h && p[ny * w + nx] == 0) p[ny * w + nx] = label;
                    continue;
                }
                if (p[i] == 0) p[i] = target;
                if (u >= 0.20 && u < 0.30 && edge)
                {
                    foreach (int j in (int[])[i - 1, i + 1, i - w, i + w])
                    {
                        if (j >= 0 && j < t.Length && Math.Abs(j % w - x) <= 1 && t[j] == 0 && p[j] == 0) p[j] = label;
                    }
                }
            }
            previous = label;
        }
        return new LabelImage(w, h, p, truth.Name + " (perturbed)");
    }

    /// <summary>Writes the pairs for the Python reference: pairs.bin (int32 little-endian truth then prediction per image) and pairs.txt (id width height per line).</summary>
    public static void Write(IReadOnlyList<LabelPair> pairs, string folder)
    {
        using (var bin = new BinaryWriter(File.Create(Path.Combine(folder, "pairs.bin"))))
        {
            foreach (var pair in pairs)
            {
                foreach (int v in pair.Truth.Data) bin.Write(v);
                foreach (int v in pair.Prediction.Data) bin.Write(v);
            }
        }
        File.WriteAllLines(Path.Combine(folder, "pairs.txt"), pairs.Select(p => $"{p.Id} {p.Truth.Width} {p.Truth.Height}"));
    }
}
