using Research.Metrics;
using Research.Randomness;
using Research.Torch.Runtime;
using Research.Torch.Sam.FineTuning;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam.FineTuning;

/// <summary>The pieces of decoder fine-tuning on hand-computed cases: targets, losses, true IoU, box jitter, prompt draws.</summary>
public sealed class SamFineTuneMathTests
{
    public SamFineTuneMathTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Targets_are_the_fraction_of_each_low_resolution_pixel_an_object_covers()
    {
        // 4 x 4 truth: object 1 is the top-left 2 x 2, object 2 one pixel at (3, 3). Input size = truth size, padded to
        // 8 x 8, averaged over 4 x 4 blocks into 2 x 2: object 1 covers 4/16 of block (0, 0), object 2 1/16 of it.
        int[] data =
        [
            1, 1, 0, 0,
            1, 1, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 2,
        ];
        using var targets = SamEvaluation.Targets(new LabelImage(4, 4, data), [2, 1], (4, 4), imageSize: 8, lowRes: 2);
        Assert.Equal([2L, 1, 2, 2], targets.shape);
        Assert.Equal([1 / 16f, 0, 0, 0, 0.25f, 0, 0, 0], targets.data<float>().ToArray());
    }

    [Fact]
    public void Targets_follow_the_image_when_it_is_resized()
    {
        // 2 x 2 truth all object 1, resized to 4 x 4 (as the image would be) and padded to 8: block (0, 0) fully covered.
        using var targets = SamEvaluation.Targets(new LabelImage(2, 2, [1, 1, 1, 1]), [1], (4, 4), imageSize: 8, lowRes: 2);
        Assert.Equal([1f, 0, 0, 0], targets.data<float>().ToArray());
    }

    [Fact]
    public void The_focal_loss_of_one_pixel_is_alpha_times_the_squared_miss_times_cross_entropy()
    {
        // logit 0, target 1: p = 0.5, CE = ln 2, (1 - p_t)^2 = 0.25, alpha_t = 0.25; logit 2, target 0: p = sigmoid(2),
        // CE = ln(1 + e^2), (1 - p_t)^2 = p^2, alpha_t = 0.75.
        using var logits = tensor(new float[] { 0f, 2f }, [2, 1, 1, 1]);
        using var target = tensor(new float[] { 1f, 0f }, [2, 1, 1, 1]);
        double p2 = 1 / (1 + Math.Exp(-2));
        double expected = (0.25 * 0.25 * Math.Log(2) + 0.75 * p2 * p2 * Math.Log(1 + Math.Exp(2))) / 2;
        using var loss = SamLosses.Focal(logits, target);
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void The_dice_bce_loss_adds_the_soft_dice_loss_to_the_cross_entropy()
    {
        // one object of two pixels: logits (0, 0), target (1, 0): p = 0.5 each; Dice = (2 * 0.5 + 1) / (1 + 1 + 1) = 2/3;
        // BCE = ln 2 for both pixels.
        using var logits = tensor(new float[] { 0f, 0f }, [1, 1, 1, 2]);
        using var target = tensor(new float[] { 1f, 0f }, [1, 1, 1, 2]);
        using var loss = SamLosses.Mask(logits, target, "dice-bce");
        Assert.Equal(1 - 2.0 / 3 + Math.Log(2), loss.item<float>(), 5);
        using var focal = SamLosses.Mask(logits, target, "focal-dice");
        Assert.Equal(1 - 2.0 / 3 + 20 * (0.25 * 0.25 * Math.Log(2) + 0.75 * 0.25 * Math.Log(2)) / 2, focal.item<float>(), 5);
    }

    [Fact]
    public void The_true_iou_binarises_logits_at_zero_and_targets_at_one_half()
    {
        // object 1: predicted pixels {0, 1}, true {1, 2} (target 0.6 > 0.5; 0.5 is not): IoU 1/3. Object 2: nothing
        // predicted, nothing true: 1.
        using var logits = tensor(new float[] { 1f, 2f, -1f, -3f, -1f, -1f, -1f, -1f }, [2, 1, 1, 4]);
        using var target = tensor(new float[] { 0.5f, 1f, 0.6f, 0f, 0f, 0f, 0f, 0.2f }, [2, 1, 1, 4]);
        using var iou = SamLosses.TrueIou(logits, target);
        Assert.Equal([2L, 1], iou.shape);
        var values = iou.data<float>().ToArray();
        Assert.Equal(1 / 3f, values[0], 6);
        Assert.Equal(1f, values[1]);
    }

    [Fact]
    public void Jitter_moves_each_coordinate_by_at_most_the_limit_stays_in_the_image_and_repeats_with_the_seed()
    {
        float[] box = [10, 20, 110, 60];
        for (ulong seed = 0; seed < 200; seed++)
        {
            var moved = SamFineTuner.Jitter(box, new SeededRandom(seed), 0.1, 5, 120, 64);
            Assert.Equal(moved, SamFineTuner.Jitter(box, new SeededRandom(seed), 0.1, 5, 120, 64));
            for (int j = 0; j < 4; j++) Assert.InRange(Math.Abs(moved[j] - box[j]), 0, 5.0001);
            Assert.InRange(moved[2], 0, 120);
            Assert.InRange(moved[3], 0, 64);
            Assert.True(moved[2] > moved[0] && moved[3] > moved[1]);
        }
        Assert.Equal(box, SamFineTuner.Jitter(box, new SeededRandom(1), 0, 20, 120, 64));
        // a 1-pixel box with large noise never turns inside out
        for (ulong seed = 0; seed < 200; seed++)
        {
            var tiny = SamFineTuner.Jitter([5, 5, 6, 6], new SeededRandom(seed), 1.0, 20, 10, 10);
            Assert.True(tiny[2] > tiny[0] && tiny[3] > tiny[1]);
        }
    }

    [Fact]
    public void Epoch_orders_are_permutations_that_depend_on_seed_and_epoch_only()
    {
        var a = SamFineTuner.EpochOrder(30, 7, 3);
        Assert.Equal(Enumerable.Range(0, 30), a.Order());
        Assert.Equal(a, SamFineTuner.EpochOrder(30, 7, 3));
        Assert.NotEqual(a, SamFineTuner.EpochOrder(30, 7, 4));
        Assert.NotEqual(a, SamFineTuner.EpochOrder(30, 8, 3));
    }
}
