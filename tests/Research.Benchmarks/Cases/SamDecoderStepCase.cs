using System.Globalization;
using System.Runtime.InteropServices;
using Research.Benchmarks.Harness;
using Research.Metrics;
using Research.Torch.Runtime;
using Research.Torch.Sam;
using Research.Torch.Sam.FineTuning;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Benchmarks.Cases;

/// <summary>
/// Issue 17's fine-tuning step over a cached embedding: 16 box prompts against one 1 x 256 x 64 x 64 image embedding
/// (the size of every published variant), mask decoder forward, dice-bce + IoU loss, backward, AdamW step; encoders
/// frozen; 2 threads. Ours (<see cref="SamFineTuner"/>'s optimiser and <see cref="SamLosses"/>, the targets computed
/// from a 1024 x 1024 label image each step as training does) against the official MaskDecoder and PromptEncoder with
/// torch.optim.AdamW in PyTorch 1.13 (tests/reference/sam_decoder_step_bench.py, given our targets), same random
/// weights (MobileSAM vit-t from seed 17; its decoder is SAM's). The fingerprint is the loss before any step. 0 + 2
/// runs: the official step takes over a minute in Debian's PyTorch 1.13 (no MKL; about 2 s per prompt forward).
/// </summary>
public sealed class SamDecoderStepCase : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => "sam-decoder-step";

    /// <inheritdoc />
    public string What => "SAM mask-decoder training step, 16 box prompts, cached 256x64x64 embedding, 2 threads";

    /// <inheritdoc />
    public RunCounts FullCounts => new(0, 2);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(0, 1);

    private const int Prompts = 16;

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        torch.manual_seed(17);
        var model = new SamModel(SamConfig.VitT);
        model.save_py(Path.Combine(context.WorkDirectory, "weights.pth"));
        var embedding = randn(1, 256, 64, 64, generator: new torch.Generator(17));
        // 16 discs on a 4 x 4 grid of a 1024 x 1024 label image, their exact boxes as prompts
        var labels = new int[1024 * 1024];
        var boxes = new List<float[]>();
        for (int k = 0; k < Prompts; k++)
        {
            int cx = 128 + 256 * (k % 4), cy = 128 + 256 * (k / 4), r = 40 + 4 * k;
            for (int y = cy - r; y <= cy + r; y++)
                for (int x = cx - r; x <= cx + r; x++)
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) labels[y * 1024 + x] = k + 1;
            boxes.Add([cx - r, cy - r, cx + r + 1, cy + r + 1]);
        }
        var truth = new LabelImage(1024, 1024, labels);
        var frame = new SamFrame("bench", "", truth, [.. boxes.Select((b, k) => (k + 1, b))]);
        var cached = new SamEmbedding(embedding, (1024, 1024), (1024, 1024));
        var options = new SamFineTuneOptions { Weights = "", Variant = "vit-t", Dataset = "", Root = "", LearningRate = 1e-4, WeightDecay = 0.01, PromptsPerImage = Prompts };
        var tuner = new SamFineTuner(model, options);
        int[] objects = [.. Enumerable.Range(0, Prompts)];
        float[][] promptBoxes = [.. boxes];
        using (var target = SamEvaluation.Targets(truth, [.. Enumerable.Range(1, Prompts)], (1024, 1024), 1024, 256))
        {
            float[] t = target.contiguous().data<float>().ToArray();
            File.WriteAllBytes(Path.Combine(context.WorkDirectory, "targets.f32"), MemoryMarshal.AsBytes(t.AsSpan()).ToArray());
        }
        float[] e = embedding.contiguous().data<float>().ToArray();
        File.WriteAllBytes(Path.Combine(context.WorkDirectory, "embedding.f32"), MemoryMarshal.AsBytes(e.AsSpan()).ToArray());
        File.WriteAllText(Path.Combine(context.WorkDirectory, "boxes.txt"), string.Join('\n', boxes.Select(b => string.Join(' ', b.Select(v => v.ToString(CultureInfo.InvariantCulture))))) + "\n");
        double first;
        using (var noGrad = no_grad())
        using (var loss = tuner.FrameLoss(frame, cached, objects, promptBoxes))
            first = loss.item<float>();
        return new CasePlan(
            Ours: () =>
            {
                using var scope = NewDisposeScope();
                tuner.Optimizer.zero_grad();
                tuner.FrameLoss(frame, cached, objects, promptBoxes).backward();
                tuner.Optimizer.step();
            },
            Reference: new ReferenceScript("sam_decoder_step_bench.py", [context.WorkDirectory]),
            Comparisons: [new Comparison("official, PyTorch 1.13", "official", Target.RatioAtMost(1.0))],
            Fixture: new Dictionary<string, string> { ["prompts"] = "16 boxes of discs", ["embedding"] = "1x256x64x64 randn seed 17", ["weights"] = "vit-t seed 17" },
            OursFingerprint: () => string.Create(CultureInfo.InvariantCulture, $"loss0={first:F4}"));
    }
}
