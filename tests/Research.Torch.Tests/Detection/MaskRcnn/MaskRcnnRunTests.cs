using Research.Datasets.Synthetic;
using Research.Imaging.Codecs;
using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Inference;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Tests.Training;
using Research.Torch.Training;
using Research.Torch.Training.Tasks;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>
/// Mask R-CNN through the run folder: <c>train</c> on synthetic nuclei (the loss falls; same seed, same metrics;
/// <c>--resume --epochs</c> equals a longer run), <c>tune</c> and <c>predict</c> from detections, <c>models import</c>
/// of a torchvision-format state dict (its run predicts torchvision's golden detections) and <c>--init</c> from a run.
/// </summary>
[Collection(nameof(TorchProcessState))]
public sealed class MaskRcnnRunTests
{
    public MaskRcnnRunTests() => TorchRuntime.EnsureLoaded();

    private static TrainingOptions Tiny(int epochs = 3) => new()
    {
        Synthetic = new SyntheticNucleiOptions { Count = 6, Size = 64, Seed = 5 },
        Model = ModelKind.MaskRcnn,
        Backbone = "resnet18",
        AnchorSizes = [8, 16, 32, 64, 128],
        RoiBatchSize = 64,
        CropSize = 64,
        BatchSize = 2,
        Epochs = epochs,
        Optimizer = OptimizerKind.Sgd,
        LearningRate = 0.01,
        Schedule = ScheduleKind.Constant,
        Augment = AugmentKind.Random,
        Seed = 17,
        Device = DevicePreference.Cpu,
        ValidationFraction = 0.34,
    };

    private static string[] Metrics(string run) => [.. File.ReadAllLines(Path.Combine(run, TrainingRun.MetricsFile)).Select(l => string.Join(',', l.Split(',')[..^1]))];

    [Fact]
    public void Training_lowers_the_loss_and_the_same_seed_gives_the_same_metrics()
    {
        using var temp = new TempFolder();
        var first = TrainingRun.Start(Tiny(), temp.Combine("a"));
        TrainingRun.Start(Tiny(), temp.Combine("b"));
        Assert.Equal(3, first.Metrics.Count);
        Assert.True(first.Metrics[^1].TrainLoss < first.Metrics[0].TrainLoss, $"train loss {first.Metrics[0].TrainLoss} -> {first.Metrics[^1].TrainLoss}");
        Assert.All(first.Metrics, m => Assert.True(double.IsFinite(m.ValidationLoss) && m.ValidationLoss > 0));
        Assert.Equal(Metrics(temp.Combine("a")), Metrics(temp.Combine("b")));
        var state = File.ReadAllText(Path.Combine(temp.Combine("a"), TrainingRun.LastCheckpoint, Checkpoint.StateFile));
        Assert.Contains("\"model\": \"mask-rcnn:resnet18\"", state, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_with_more_epochs_equals_a_run_of_that_many_epochs()
    {
        using var temp = new TempFolder();
        TrainingRun.Start(Tiny(2), temp.Combine("whole"));
        TrainingRun.Start(Tiny(1), temp.Combine("part"));
        TrainingRun.Resume(temp.Combine("part"), 2);
        Assert.Equal(Metrics(temp.Combine("whole")), Metrics(temp.Combine("part")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Combine("whole"), TrainingRun.LastCheckpoint, Checkpoint.ModelFile)),
            File.ReadAllBytes(Path.Combine(temp.Combine("part"), TrainingRun.LastCheckpoint, Checkpoint.ModelFile)));
    }

    [Fact]
    public void Tune_chooses_score_and_mask_thresholds_and_predict_writes_labels_from_detections()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run");
        TrainingRun.Start(Tiny(2), run);
        var tuned = PostProcessingTuning.Run(new TuneOptions { RunFolder = run, ScoreThresholds = [0.05, 0.5], MaskThresholds = [0.4, 0.6] });
        Assert.Equal(TunedPostProcessing.MaskThreshold, tuned.SecondSetting);
        Assert.Equal([(0.05, 0.4), (0.05, 0.6), (0.5, 0.4), (0.5, 0.6)], tuned.Candidates.Select(c => (c.Threshold, c.Second)));
        Assert.Equal(tuned.Candidates.Max(c => c.Score), tuned.Chosen.Score);
        Assert.Throws<InputException>(() => PostProcessingTuning.Run(new TuneOptions { RunFolder = run, TestTimeAugmentation = true }));

        string images = temp.Combine("images");
        Directory.CreateDirectory(images);
        var generator = new SyntheticNucleiGenerator(new SyntheticNucleiOptions { Count = 2, Size = 96, Seed = 9 });
        foreach (var s in generator.GenerateAll()) ImageFile.Write(Path.Combine(images, s.Id + ".png"), s.Image);
        var result = Prediction.Run(new PredictOptions { RunFolder = run, Input = images, Output = temp.Combine("pred"), Tile = 64, Overlap = 16, ScoreThreshold = 0.05 });
        Assert.Equal(2, result.Images);
        Assert.True(result.Objects > 0, "no object predicted at score 0.05");
        var csv = File.ReadAllLines(Path.Combine(temp.Combine("pred"), "submission.csv"));
        Assert.Equal("ImageId,EncodedPixels", csv[0]);
        foreach (var s in generator.GenerateAll())
        {
            var labels = ImageFile.Read(Path.Combine(temp.Combine("pred"), s.Id + ".tif"));
            Assert.Equal((96, 96), (labels.Width, labels.Height));
        }
        string provenance = File.ReadAllText(Path.Combine(temp.Combine("pred"), "provenance.json"));
        Assert.Contains("mask-rcnn detections painted by score", provenance, StringComparison.Ordinal);
        Assert.Contains("\"score_threshold\": \"0.05\"", provenance, StringComparison.Ordinal);
        Assert.DoesNotContain("peak_radius", provenance, StringComparison.Ordinal); // a per-pixel map's setting, unused here
        Assert.Throws<InputException>(() => Prediction.Run(new PredictOptions { RunFolder = run, Input = images, Output = temp.Combine("tta"), TestTimeAugmentation = true }));
    }

    [Fact]
    public void An_imported_torchvision_state_dict_predicts_torchvisions_detections_from_its_run_folder()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("maskrcnn_resnet18.pth");
        using (var source = new MaskRcnnModel("resnet18", 2))
        {
            MaskRcnnFixtures.Fill(source, "resnet18");
            source.save_py(file);
        }
        // the golden image is 64 x 80 at torchvision's min_size 128: magnification 2
        var options = new TrainingOptions { Backbone = "resnet18", DetectionScale = 2, Colour = InputColour.Rgb };
        var imported = MaskRcnnImport.Run(file, options, temp.Combine("run"));
        Assert.Equal(2, imported.Classes);
        var config = TrainingRun.ReadConfig(temp.Combine("run"));
        Assert.True(config.FrozenBatchNorm);
        var (model, state) = LabelPredictors.LoadDetector(config, Path.Combine(temp.Combine("run"), TrainingRun.BestCheckpoint), CPU);
        using (model)
        {
            Assert.Equal(0, state.Epoch);
            using var image = MaskRcnnFixtures.Image();
            var found = model.Predict([image], DetectionTransform.ForScale(config.DetectionScale, 64, 80))[0];
            var golden = MaskRcnnFixtures.Golden.GetProperty("resnet18");
            using var scores = MaskRcnnFixtures.Float(golden.GetProperty("scores"));
            using var boxes = MaskRcnnFixtures.Float(golden.GetProperty("boxes"));
            Assert.Equal(boxes.shape, found.Boxes.shape);
            Assert.True(found.Scores.sub(scores).abs().max().item<float>() < 1e-5, "scores");
            Assert.True(found.Boxes.sub(boxes).abs().max().item<float>() < 1e-2, "boxes");
            found.Dispose();
        }
        Assert.Throws<InputException>(() => MaskRcnnImport.Run(file, options, temp.Combine("run")));
        var wrong = Assert.Throws<InputException>(() => MaskRcnnImport.Run(file, options with { Backbone = "resnet34" }, temp.Combine("other")));
        Assert.Contains("the file looks like resnet18, 2 classes", wrong.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("other")));
    }

    [Fact]
    public void Init_from_a_run_of_another_class_count_resizes_the_class_heads_and_says_so()
    {
        using var temp = new TempFolder();
        string file = temp.Combine("three.pth");
        using (var source = new MaskRcnnModel("resnet18", 3)) source.save_py(file);
        MaskRcnnImport.Run(file, new TrainingOptions { Backbone = "resnet18" }, temp.Combine("coco"));
        var lines = new List<string>();
        var options = Tiny(1) with { Init = temp.Combine("coco"), FrozenBatchNorm = true };
        TrainingRun.Start(options, temp.Combine("tuned"), log: lines.Add);
        Assert.Contains(lines, l => l.Contains("class heads have 3 classes in the file and 2 here", StringComparison.Ordinal));
        var state = TrainingRun.ReadConfig(temp.Combine("tuned"));
        Assert.Equal(temp.Combine("coco"), state.Init);
        // the frozen stem did not move: conv1 equals the imported weights
        using var imported = new MaskRcnnModel("resnet18", 3);
        MaskRcnnCheckpoint.Load(imported, file);
        var (tuned, _) = LabelPredictors.LoadDetector(state, Path.Combine(temp.Combine("tuned"), TrainingRun.LastCheckpoint), CPU);
        using (tuned)
        {
            var a = imported.state_dict()["backbone.body.conv1.weight"];
            var b = tuned.state_dict()["backbone.body.conv1.weight"];
            Assert.True(a.eq(b).all().item<bool>(), "conv1 moved although frozen");
            Assert.False(imported.state_dict()["backbone.body.layer4.0.conv1.weight"].eq(tuned.state_dict()["backbone.body.layer4.0.conv1.weight"]).all().item<bool>(), "layer4 did not train");
        }
    }
}
