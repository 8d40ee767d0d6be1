using System.Text.Json;
using Research.Torch.Sam;

namespace Research.Torch.Tests.Sam;

/// <summary>
/// The files tests/reference/sam_reference.py wrote with the official segment_anything code (PyTorch 1.13): a tiny
/// SAM's state dict, its outputs, and the state-dict keys of ViT-B/L/H.
/// </summary>
internal static class SamFixtures
{
    /// <summary>The tiny configuration of the reference script (<c>tiny_sam()</c>).</summary>
    public static SamConfig Tiny { get; } = new()
    {
        ImageSize = 64, PatchSize = 8, EncoderDim = 32, EncoderDepth = 2, EncoderHeads = 2, GlobalAttentionBlocks = [1],
        WindowSize = 3, PromptDim = 32, MaskInChannels = 16, DecoderMlpDim = 64, DecoderHeads = 2, DecoderDepth = 2,
        IouHeadHidden = 32,
    };

    public static string Folder => Path.Combine(TestSupport.Repository.Root(), "tests", "Research.Torch.Tests", "Sam", "Fixtures");

    public static string File(string name)
    {
        string path = Path.Combine(Folder, name);
        Assert.True(System.IO.File.Exists(path), $"fixture {path} is missing: run PYTHONPATH=../shared/oracles/segment-anything /usr/bin/python3 tests/reference/sam_reference.py");
        return path;
    }

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(File("sam_tiny_golden.json"))));

    public static JsonElement Golden => Document.Value.RootElement;
}
