using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Metrics;
using Research.Metrics.Evaluation;

namespace Research.Reproductions;

/// <summary>Reads a mask, label image or prediction file as a 0/255 binary mask (foreground = value &gt; 0).</summary>
public static class BinaryMask
{
    /// <summary>
    /// The file at <paramref name="path"/> as a binary mask, resized to <paramref name="width"/> x
    /// <paramref name="height"/> by nearest neighbour at pixel centres when its size differs (as evaluate
    /// --resize-pred nearest does).
    /// </summary>
    public static Image<byte> Read(string path, int width, int height)
    {
        var labels = LabelImage.From(ImageFile.Read(path), path);
        if ((labels.Width, labels.Height) != (width, height)) labels = ResizingPairSource.Resized(labels, width, height);
        var mask = new Image<byte>(width, height);
        for (int i = 0; i < mask.Data.Length; i++) mask.Data[i] = labels.Data[i] > 0 ? (byte)255 : (byte)0;
        return mask;
    }
}
