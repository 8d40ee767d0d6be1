using Research.Encodings;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Datasets.Download;

/// <summary>
/// Writes a Kaggle RLE CSV (one row per object, with Height and Width) as the kaggle-dsb layout's truth: one 8-bit PNG
/// per object, 0 and 255, <c>SPLIT/&lt;ImageId&gt;/masks/&lt;ImageId&gt;_&lt;k&gt;.png</c> with k = 0, 1, ... in row
/// order (as DSB2018's stage1_test truth is usually distributed). Each image's masks folder is written beside its final
/// place and renamed into it, so a run killed half-way leaves whole folders and is finished by the next.
/// </summary>
public static class RleObjectMasks
{
    /// <summary>Writes the masks of every ImageId of <paramref name="csv"/> whose folder exists in <paramref name="split"/>; returns (images, masks, ImageIds without a folder).</summary>
    public static (int Images, int Masks, IReadOnlyList<string> Missing) Write(string csv, string split)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(split);
        int images = 0, masks = 0;
        var missing = new List<string>();
        foreach (RleDecodedImage decoded in RleDecoder.Decode(RleCsvReader.Read(csv), _ => null, csv))
        {
            string folder = Path.Combine(split, decoded.ImageId);
            if (!Directory.Exists(folder))
            {
                missing.Add(decoded.ImageId);
                continue;
            }
            string target = Path.Combine(folder, "masks");
            string staging = Path.Combine(folder, ".masks.staging");
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            var objects = Split(decoded.Labels, decoded.Objects);
            for (int k = 0; k < objects.Count; k++) ImageFile.Write(Path.Combine(staging, $"{decoded.ImageId}_{k}.png"), objects[k]);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            images++;
            masks += objects.Count;
        }
        return (images, masks, missing);
    }

    private static List<Image<byte>> Split(Image<ushort> labels, int count)
    {
        var objects = new List<Image<byte>>(count);
        for (int k = 0; k < count; k++) objects.Add(new Image<byte>(labels.Width, labels.Height));
        ushort[] data = labels.Data;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != 0) objects[data[i] - 1].Data[i] = 255;
        }
        return objects;
    }
}
