using System.Text.Json;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection;

/// <summary>
/// Reads Fixtures/detection_ops_golden.json, made by tests/reference/detection_ops_reference.py with torchvision
/// 0.14 (inputs and outputs; float32 values in decimal forms that read back exactly).
/// </summary>
internal static class DetectionGolden
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
    {
        string path = Path.Combine(TestSupport.Repository.Root(), "tests", "Research.Torch.Tests", "Detection", "Fixtures", "detection_ops_golden.json");
        Assert.True(File.Exists(path), $"golden file {path} is missing: run /usr/bin/python3 tests/reference/detection_ops_reference.py");
        return JsonDocument.Parse(File.ReadAllText(path));
    });

    public static JsonElement Root => Document.Value.RootElement;

    public static Tensor Float(JsonElement element)
    {
        long[] shape = element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        float[] data = element.GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        return tensor(data).reshape(shape);
    }

    public static long[] Longs(JsonElement element) => element.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>Asserts equal shapes and |actual - expected| &lt;= tolerance * max(1, |expected|) everywhere.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        float[] e = expected.contiguous().data<float>().ToArray();
        float[] a = actual.detach().contiguous().data<float>().ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            double limit = tolerance * Math.Max(1.0, Math.Abs(e[i]));
            Assert.True(Math.Abs(a[i] - e[i]) <= limit, $"{what}: element {i} is {a[i]}, torchvision {e[i]}");
        }
    }
}
