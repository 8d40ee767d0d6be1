using Research.Torch.Losses;
using Research.Torch.Runtime;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Losses;

public sealed class LossTests
{
    public LossTests() => TorchRuntime.EnsureLoaded();

    private static Tensor Logits() => tensor(new float[] { 2, -1, 0.5f, 0, -3, 1.5f, -0.5f, 1, -2, 3, 0.25f, -1 }, [2, 1, 2, 3]);

    private static Tensor Mask() => tensor(new float[] { 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0 }, [2, 1, 2, 3]);

    private static Tensor Weights() => tensor(new float[] { 1.5f, 1, 1.5f, 1.2f, 1, 1.5f, 1, 1.5f, 1.1f, 1.5f, 1.5f, 1 }, [2, 1, 2, 3]);

    private static (Tensor Logits, Tensor Target) CrossEntropyCase()
    {
        using var raw = arange(36, dtype: ScalarType.Float32).reshape(2, 3, 2, 3) * 0.37;
        var target = tensor(new long[] { 0, 1, 2, 2, 1, 0, 1, 1, 0, 0, 2, 2 }, [2, 2, 3]);
        return (raw.remainder(2.1) - 1.0, target);
    }

    // Values printed by tests/reference/loss_reference.py (PyTorch 1.13) for the same tensors.
    [Theory]
    [InlineData("bce", 0.3091225)]
    [InlineData("dice", 0.2131552)]
    [InlineData("bce-dice", 0.5222776)]
    [InlineData("weighted-bce", 0.3942412)]
    [InlineData("cross-entropy", 1.1034065)]
    public void Matches_the_pytorch_reference(string name, double expected)
    {
        using var scope = NewDisposeScope();
        var loss = LossRegistry.Create(LossRegistry.Parse(name));
        Tensor value;
        if (loss.Kind == LossKind.CrossEntropy)
        {
            var (logits, target) = CrossEntropyCase();
            value = loss.Compute(logits, new LossTargets(Mask(), Classes: target));
        }
        else
        {
            value = loss.Compute(Logits(), new LossTargets(Mask(), Weights: Weights()));
        }
        Assert.Equal(expected, value.item<float>(), 5);
    }

    [Fact]
    public void Hand_computed_single_pixel_values()
    {
        using var scope = NewDisposeScope();
        var logit = zeros(1, 1, 1, 1);
        var one = ones(1, 1, 1, 1);
        // sigmoid(0) = 0.5: BCE = -ln 0.5 = ln 2 = 0.6931472; Dice = (2 * 0.5 + 1) / (0.5 + 1 + 1) = 0.8, loss 0.2.
        Assert.Equal(Math.Log(2), new BceLoss().Compute(logit, new LossTargets(one)).item<float>(), 6);
        Assert.Equal(0.2, new DiceLoss().Compute(logit, new LossTargets(one)).item<float>(), 6);
        Assert.Equal(Math.Log(2) + 0.2, new BceDiceLoss().Compute(logit, new LossTargets(one)).item<float>(), 6);
        // Weight 1.5 on the only pixel: mean(1.5 * ln 2) = 1.0397208.
        Assert.Equal(1.5 * Math.Log(2), new WeightedBceLoss().Compute(logit, new LossTargets(one, Weights: full(1, 1, 1, 1, 1.5f))).item<float>(), 6);
        // Equal logits over 3 classes: cross-entropy = ln 3 = 1.0986123.
        Assert.Equal(Math.Log(3), new CrossEntropyLoss().Compute(zeros(1, 3, 1, 1), new LossTargets(one, Classes: zeros(1, 1, 1, dtype: ScalarType.Int64))).item<float>(), 6);
    }

    [Fact]
    public void A_boundary_weight_gives_the_weighted_mean_of_the_pixel_losses()
    {
        using var scope = NewDisposeScope();
        // Two pixels with logits (2, 0, 0): one background (loss ln(e^2 + 2) - 2 = 0.2395), one boundary (ln(e^2 + 2) = 2.2395).
        var logits = tensor(new float[] { 2, 2, 0, 0, 0, 0 }, [1, 3, 1, 2]);
        var classes = tensor(new long[] { 0, 2 }, [1, 1, 2]);
        var targets = new LossTargets(zeros(1, 1, 1, 2), Classes: classes);
        double lse = Math.Log(Math.Exp(2) + 2), background = lse - 2, boundary = lse;
        Assert.Equal((background + boundary) / 2, new CrossEntropyLoss().Compute(logits, targets).item<float>(), 5);
        // Weight 3 on the boundary: (1 x 0.2395 + 3 x 2.2395) / (1 + 3).
        Assert.Equal((background + 3 * boundary) / 4, new CrossEntropyLoss(3).Compute(logits, targets).item<float>(), 5);
        Assert.Equal(3, ((CrossEntropyLoss)LossRegistry.Create(LossKind.CrossEntropy, 3)).BoundaryWeight);
        Assert.Throws<InputException>(() => new CrossEntropyLoss(0));
    }

    [Fact]
    public void An_empty_prediction_of_an_empty_mask_has_zero_dice_loss()
    {
        using var scope = NewDisposeScope();
        // sigmoid(-100) ~ 0: Dice = (0 + 1) / (0 + 0 + 1) = 1.
        Assert.Equal(0, new DiceLoss().Compute(full(1, 1, 4, 4, -100f), new LossTargets(zeros(1, 1, 4, 4))).item<float>(), 6);
    }

    [Fact]
    public void An_unknown_loss_name_lists_the_valid_ones()
    {
        var error = Assert.Throws<InputException>(() => LossRegistry.Parse("focal"));
        Assert.Equal("Unknown loss 'focal'. Available losses: bce, dice, bce-dice, weighted-bce, cross-entropy.", error.Message);
    }

    [Fact]
    public void Every_registered_loss_round_trips_its_name()
    {
        foreach (string name in LossRegistry.AvailableNames) Assert.Equal(name, LossRegistry.NameOf(LossRegistry.Create(LossRegistry.Parse(name)).Kind));
    }
}
