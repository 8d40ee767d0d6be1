using System.Globalization;
using Research.Benchmarks.Harness;
using Research.Torch.Inference;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using TorchSharp;

namespace Research.Benchmarks.Cases;

/// <summary>
/// <c>research predict</c> throughput: <see cref="Prediction.Run"/> (tiles of 512 with 64 px overlap, no TTA, watershed
/// post-processing, label TIFFs and submission.csv) over the 65 DSB2018 stage1_test images with 2 threads. The model is
/// a <c>unet</c> base 16 trained for one epoch on a small synthetic set in the fixture step (the weights do not change
/// the cost of the forward pass; the post-processing cost depends a little on what is found). No reference
/// (informational): images per second = 65 / ours.
/// </summary>
public sealed class PredictDsbTestCase : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => "predict-dsb2018-test";

    /// <inheritdoc />
    public string What => "research predict, 65 DSB2018 stage1_test images, 2 threads";

    /// <inheritdoc />
    public RunCounts FullCounts => new(1, 3);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(0, 1);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        string root = RepositoryPaths.SharedDsb2018("stage1_test");
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        int count = Directory.GetDirectories(root).Length;
        string run = Path.Combine(context.WorkDirectory, "run");
        TrainingRun.Start(new TrainingOptions
        {
            Model = ModelKind.Unet, BaseFilters = 16, Epochs = 1, CropSize = 64, Threads = 2, Device = DevicePreference.Cpu,
            Synthetic = new() { Count = 4, Size = 64, Seed = 1 },
        }, run);
        int round = 0;
        PredictResult? last = null;
        return new CasePlan(
            Ours: () => last = Prediction.Run(new PredictOptions { RunFolder = run, Dataset = "dsb2018", DatasetRoot = root, Output = Path.Combine(context.WorkDirectory, $"pred{round++}"), Device = DevicePreference.Cpu }),
            Reference: null,
            Comparisons: [new Comparison("none (images per second = images / ours)", null, Target.None)],
            Fixture: new Dictionary<string, string> { ["root"] = root, ["images"] = count.ToString(CultureInfo.InvariantCulture), ["tile"] = "512, overlap 64, no TTA", ["threads"] = "2" },
            OursFingerprint: () => $"images={last?.Images} objects={last?.Objects}");
    }
}
