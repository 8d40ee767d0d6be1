using System.Text.Json;
using Research.Torch.Runtime;
using Research.Torch.Sam;
using Research.Torch.Sam.FineTuning;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam.FineTuning;

/// <summary>
/// The fine-tuning losses and two AdamW steps of the decoder equal the official decoder with torch.optim.AdamW
/// (tests/reference/sam_finetune_reference.py, PyTorch 1.13) on the tiny SAM: the same embedding, box prompts and
/// soft targets give the same dice-bce and focal-dice losses, the same true IoU, and after two steps the same logits.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class SamFineTuneEquivalenceTests
{
    private static readonly JsonElement Golden = JsonDocument.Parse(File.ReadAllText(SamFixtures.File("sam_tiny_finetune_golden.json"))).RootElement;

    public SamFineTuneEquivalenceTests() => TorchRuntime.EnsureLoaded();

    private static Tensor Read(string name)
    {
        var e = Golden.GetProperty(name);
        long[] shape = [.. e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64())];
        return tensor(e.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray(), shape);
    }

    [Fact]
    public void Losses_and_two_adamw_steps_equal_the_official_decoder_with_torch_adamw()
    {
        using var model = new SamModel(SamFixtures.Tiny);
        SamCheckpoint.Load(model, SamFixtures.File("sam_tiny.pth"));
        var options = new SamFineTuneOptions { Weights = "", Variant = "tiny", Model = SamFixtures.Tiny, Dataset = "", Root = "", LearningRate = 1e-3, WeightDecay = 0.01 };
        using var tuner = new SamFineTuner(model, options);
        using var embedding = Read("embedding");
        using var boxes = Read("boxes");
        using var target = Read("targets");
        Tensor before;

        using (var noGrad = no_grad())
        {
            var (logits, iou) = model.Decode(embedding, null, null, boxes, null, multimask: false);
            using (logits)
            using (iou)
            {
                Assert.Equal(Golden.GetProperty("loss_dice_bce").GetDouble(), SamLosses.Total(logits, iou, target, "dice-bce", 1).item<float>(), 5);
                Assert.Equal(Golden.GetProperty("loss_focal_dice").GetDouble(), SamLosses.Total(logits, iou, target, "focal-dice", 1).item<float>(), 5);
                before = logits.clone();
                using var trueIou = SamLosses.TrueIou(logits, target);
                Assert.Equal(Read("true_iou").data<float>().ToArray(), trueIou.data<float>().ToArray());
            }
        }

        var steps = Golden.GetProperty("step_losses").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int step = 0; step < 2; step++)
        {
            using var scope = NewDisposeScope();
            tuner.Optimizer.zero_grad();
            var (logits, iou) = model.Decode(embedding, null, null, boxes, null, multimask: false);
            var loss = SamLosses.Total(logits, iou, target, "dice-bce", 1);
            loss.backward();
            tuner.Optimizer.step();
            Assert.Equal(steps[step], loss.item<float>(), 5);
        }
        using (var noGrad = no_grad())
        {
            var (logits, iou) = model.Decode(embedding, null, null, boxes, null, multimask: false);
            using (logits)
            using (iou)
            {
                using var expected = Read("logits_after");
                double difference = logits.sub(expected).abs().max().item<float>();
                Assert.True(difference < 1e-4, $"logits after two steps differ by {difference}");
                using var expectedIou = Read("iou_after");
                Assert.True(iou.sub(expectedIou).abs().max().item<float>() < 1e-4);
                // the steps moved the decoder well beyond the tolerance
                Assert.True(logits.sub(before).abs().max().item<float>() > 1e-2);
                before.Dispose();
            }
        }
    }
}
