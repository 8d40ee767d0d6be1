using Research.Datasets.Synthetic;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.TestSupport;

/// <summary>
/// Writes a miniature dataset in the Kaggle DSB2018 layout (<c>&lt;id&gt;/images/&lt;id&gt;.png</c> as RGBA like the
/// real one, <c>&lt;id&gt;/masks/m&lt;k&gt;.png</c> one 0/255 PNG per object) from the synthetic-nuclei generator.
/// </summary>
internal static class MiniDsb
{
    /// <summary>Writes <paramref name="count"/> images of <paramref name="size"/> px under <paramref name="root"/>; returns the generated samples.</summary>
    public static IReadOnlyList<SyntheticSample> Write(string root, int count, int size, ulong seed = 5, bool masks = true)
    {
        var generator = new SyntheticNucleiGenerator(new SyntheticNucleiOptions { Count = count, Size = size, Seed = seed });
        var samples = new List<SyntheticSample>();
        for (int i = 0; i < count; i++)
        {
            var sample = generator.Generate(i);
            string id = $"img{i:D2}";
            Directory.CreateDirectory(Path.Combine(root, id, "images"));
            ImageFile.Write(Path.Combine(root, id, "images", id + ".png"), Rgba(sample.Image));
            if (masks) WriteMasks(Path.Combine(root, id, "masks"), sample.Labels);
            samples.Add(sample with { Id = id });
        }
        return samples;
    }

    private static void WriteMasks(string folder, Image<ushort> labels)
    {
        Directory.CreateDirectory(folder);
        foreach (int label in labels.Data.Where(v => v > 0).Select(v => (int)v).Distinct().Order())
        {
            var mask = new Image<byte>(labels.Width, labels.Height, 1, Array.ConvertAll(labels.Data, v => v == label ? (byte)255 : (byte)0));
            ImageFile.Write(Path.Combine(folder, $"m{label:D3}.png"), mask);
        }
    }

    private static Image<byte> Rgba(IImage image)
    {
        var grey = image is Image<byte> b ? b : new Image<byte>(image.Width, image.Height, 1, Array.ConvertAll(((Image<ushort>)image).Data, v => (byte)(v >> 8)));
        var data = new byte[grey.Data.Length * 4];
        for (int i = 0; i < grey.Data.Length; i++)
        {
            data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = grey.Data[i];
            data[4 * i + 3] = 255;
        }
        return new Image<byte>(image.Width, image.Height, 4, data);
    }
}
