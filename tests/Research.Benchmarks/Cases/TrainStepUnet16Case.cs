using System.Globalization;
using Research.Benchmarks.Harness;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Benchmarks.Cases;

/// <summary>
/// One training step of <c>unet</c> (depth 4, base 16, 1 channel in, 1 logit out) on a batch of 8 x 1 x 256 x 256 with
/// 2 libtorch threads: forward, BCE with logits, backward, Adam step, inside a dispose scope (what
/// <see cref="Trainer.TrainStep"/> does). Reference: tests/reference/train_step_reference.py, the same architecture
/// (tests/reference/model_reference.py) in Debian's PyTorch 1.13 with 2 threads. Target: none (informational); the
/// fingerprint is the parameter count, so a different architecture shows as a mismatch.
/// </summary>
public sealed class TrainStepUnet16Case : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => "train-step-unet16";

    /// <inheritdoc />
    public string What => "U-Net base 16 train step, 8x1x256x256, 2 threads";

    /// <inheritdoc />
    public RunCounts FullCounts => new(2, 10);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(1, 3);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        torch.manual_seed(0);
        var model = ModelRegistry.Create(ModelKind.Unet, 1, 1, 16);
        model.train();
        var optimizer = OptimizerFactory.Create(OptimizerKind.Adam, model, 1e-3, 0.9);
        var loss = LossRegistry.Create(LossKind.Bce);
        var x = rand(8, 1, 256, 256);
        var target = (rand(8, 1, 256, 256) > 0.5).to_type(ScalarType.Float32);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var value = loss.Compute(model.call(x), new LossTargets(target, null, null));
            value.backward();
            optimizer.step();
            value.item<float>();
        }
        return new CasePlan(
            Ours: Step,
            Reference: new ReferenceScript("train_step_reference.py", []),
            Comparisons: [new Comparison("PyTorch 1.13", "pytorch", Target.None)],
            Fixture: new Dictionary<string, string> { ["batch"] = "8x1x256x256", ["threads"] = "2", ["optimizer"] = "adam 1e-3", ["loss"] = "bce-with-logits" },
            OursFingerprint: () => string.Create(CultureInfo.InvariantCulture, $"parameters={ModelRegistry.ParameterCount(model)}"));
    }
}
