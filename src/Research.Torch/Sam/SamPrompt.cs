using System.Globalization;

namespace Research.Torch.Sam;

/// <summary>One prompt in the original image's pixel coordinates: a box (x0, y0, x1, y1), points with labels (1 object, 0 background), or both.</summary>
/// <param name="Box">The box, or null.</param>
/// <param name="Points">The points (x, y, label), possibly empty.</param>
public sealed record SamPrompt(float[]? Box, IReadOnlyList<(float X, float Y, int Label)> Points)
{
    /// <summary>
    /// The prompts of <c>--boxes "x0,y0,x1,y1;..."</c> (one prompt per box) and <c>--points "x,y[,label];..."</c> (one
    /// prompt of all the points, label 1 unless given; joined to the box when there is exactly one box). Coordinates are
    /// pixels of an image of <paramref name="width"/> x <paramref name="height"/>; boxes must have positive size and lie
    /// inside the image, points inside it.
    /// </summary>
    /// <exception cref="InputException">The text is malformed or a prompt lies outside the image (the message names the option and the item).</exception>
    public static IReadOnlyList<SamPrompt> Parse(string? boxes, string? points, int width, int height)
    {
        var boxList = new List<float[]>();
        foreach (var (item, index) in Items(boxes))
        {
            float[] v = Numbers(item, "--boxes", index, 4, 4);
            if (!(v[2] > v[0] && v[3] > v[1]))
                throw new InputException($"--boxes item {index + 1} ('{item}'): x1 must exceed x0 and y1 exceed y0 (an empty box outlines nothing)");
            if (v[0] < 0 || v[1] < 0 || v[2] > width || v[3] > height)
                throw new InputException($"--boxes item {index + 1} ('{item}') lies outside the {width} x {height} image; give pixel coordinates within 0..{width} and 0..{height}");
            boxList.Add(v);
        }
        var pointList = new List<(float, float, int)>();
        foreach (var (item, index) in Items(points))
        {
            float[] v = Numbers(item, "--points", index, 2, 3);
            int label = v.Length == 3 ? (int)v[2] : 1;
            if (v.Length == 3 && v[2] is not (0 or 1)) throw new InputException($"--points item {index + 1} ('{item}'): the label is 1 (object) or 0 (background)");
            if (v[0] < 0 || v[1] < 0 || v[0] >= width || v[1] >= height)
                throw new InputException($"--points item {index + 1} ('{item}') lies outside the {width} x {height} image");
            pointList.Add((v[0], v[1], label));
        }
        if (boxList.Count == 0 && pointList.Count == 0) throw new InputException("give at least one prompt: --boxes \"x0,y0,x1,y1;...\" or --points \"x,y[,label];...\"");
        if (pointList.Count > 0 && boxList.Count > 1)
            throw new InputException($"--points go with one box or none, not {boxList.Count}: predict each box with its points in its own call");
        if (boxList.Count == 0) return [new SamPrompt(null, pointList)];
        return [.. boxList.Select(b => new SamPrompt(b, pointList))];
    }

    private static IEnumerable<(string Item, int Index)> Items(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((s, i) => (s, i));

    private static float[] Numbers(string item, string option, int index, int min, int max)
    {
        var parts = item.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < min || parts.Length > max)
            throw new InputException($"{option} item {index + 1} ('{item}'): expected {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} or {max}")} comma-separated numbers");
        var values = new float[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
                throw new InputException($"{option} item {index + 1} ('{item}'): '{parts[i]}' is not a number");
        return values;
    }
}
