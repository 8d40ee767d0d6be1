using System.Text.Json;
using Research.Torch.Detection.MaskRcnn;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>
/// The files of tests/reference/maskrcnn_reference.py (torchvision 0.14): the golden outputs and the state-dict key
/// lists; and <see cref="Fill"/>, the formula both sides fill the weights with (no 176 MB weights file in the repository).
/// </summary>
internal static class MaskRcnnFixtures
{
    public static string File(string name)
    {
        string path = Path.Combine(TestSupport.Repository.Root(), "tests", "Research.Torch.Tests", "Detection", "Fixtures", name);
        Assert.True(System.IO.File.Exists(path), $"fixture {path} is missing: run /usr/bin/python3 tests/reference/maskrcnn_reference.py");
        return path;
    }

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(File("maskrcnn_golden.json"))));

    public static JsonElement Golden => Document.Value.RootElement;

    /// <summary>torchvision's state-dict entries (name, shape) in its order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Keys(string backbone) =>
        [.. System.IO.File.ReadAllLines(File($"maskrcnn_{backbone}_keys.txt")).Where(l => l.Length > 0).Select(l =>
        {
            var parts = l.Split(' ');
            return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1].Split('x').Select(long.Parse).ToArray() : Array.Empty<long>());
        })];

    /// <summary>
    /// The reference's fill(): entry k of torchvision's names in sorted order (num_batches_tracked entries left out), v_j = 2 frac(|sin(12.9898 j + 78.233 k)| 43758.5453) - 1 in double, then running_var 1 + 0.25 |v|, running_mean 0.1 v, other 1-D
    /// weights 1 + 0.1 v, biases 0.05 v, weights v sqrt(3 / fan_in).
    /// </summary>
    public static void Fill(MaskRcnnModel model, string backbone)
    {
        var state = model.state_dict();
        var names = Keys(backbone).Select(k => k.Name).Where(n => !n.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        using var noGrad = no_grad();
        for (int k = 0; k < names.Count; k++)
        {
            string name = names[k];
            var target = state[name];
            long n = target.numel();
            var v = new double[n];
            for (long j = 0; j < n; j++)
            {
                double hashed = Math.Abs(Math.Sin(j * 12.9898 + 78.233 * k)) * 43758.5453;
                v[j] = 2 * (hashed - Math.Truncate(hashed)) - 1;
            }
            double fanIn = (double)n / target.shape[0];
            for (long j = 0; j < n; j++)
            {
                v[j] = name.EndsWith("running_var", StringComparison.Ordinal) ? 1 + 0.25 * Math.Abs(v[j])
                    : name.EndsWith("running_mean", StringComparison.Ordinal) ? 0.1 * v[j]
                    : name.EndsWith("weight", StringComparison.Ordinal) && target.dim() == 1 ? 1 + 0.1 * v[j]
                    : name.EndsWith("bias", StringComparison.Ordinal) ? 0.05 * v[j]
                    : v[j] * Math.Sqrt(3.0 / fanIn);
            }
            using var values = tensor(Array.ConvertAll(v, x => (float)x)).reshape(target.shape);
            target.copy_(values);
        }
    }

    /// <summary>The reference's image(): 3 x 64 x 80 in [0, 1], waves and a hash texture.</summary>
    public static Tensor Image()
    {
        var data = new float[3 * 64 * 80];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 64; y++)
                for (int x = 0; x < 80; x++)
                {
                    double wave = 0.5 + 0.5 * Math.Sin(0.11 * x + 0.07 * y + c) * Math.Cos(0.05 * y - 0.03 * x * c);
                    double hashed = Math.Abs(Math.Sin(x * 12.9898 + y * 78.233 + c * 37.719)) * 43758.5453;
                    data[(c * 64 + y) * 80 + x] = (float)(0.6 * wave + 0.4 * (hashed - Math.Truncate(hashed)));
                }
        return tensor(data, [3, 64, 80]);
    }

    public static Tensor Float(JsonElement element)
    {
        long[] shape = [.. element.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())];
        float[] data = [.. element.GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble())];
        return tensor(data).reshape(shape);
    }
}
