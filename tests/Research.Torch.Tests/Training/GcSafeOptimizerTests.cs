using Research.Torch.Runtime;
using Research.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Training;

/// <summary>
/// The GC-safe optimisers compute exactly what TorchSharp's own Adam, AdamW, RMSprop and SGD compute (every branch: weight
/// decay, AMSGrad, maximize, centred, momentum, dampening, Nesterov), step after step, with interchangeable state.
/// </summary>
public sealed class GcSafeOptimizerTests
{
    public GcSafeOptimizerTests() => TorchRuntime.EnsureLoaded();

    public static TheoryData<string> Variants() =>
    [
        "adam", "adam-decay", "adam-amsgrad", "adam-maximize",
        "adamw", "adamw-amsgrad-maximize",
        "rmsprop", "rmsprop-centered", "rmsprop-momentum", "rmsprop-all",
        "sgd", "sgd-momentum", "sgd-nesterov", "sgd-dampening-decay-maximize",
    ];

    private static OptimizerHelper Create(string variant, IEnumerable<Parameter> p, bool safe) => variant switch
    {
        "adam" => safe ? new GcSafeAdam(p, 0.01) : new Adam(p, 0.01),
        "adam-decay" => safe ? new GcSafeAdam(p, 0.01, weightDecay: 0.1) : new Adam(p, 0.01, weight_decay: 0.1),
        "adam-amsgrad" => safe ? new GcSafeAdam(p, 0.01, amsgrad: true) : new Adam(p, 0.01, amsgrad: true),
        "adam-maximize" => safe ? new GcSafeAdam(p, 0.01, 0.8, 0.9, 1e-6, maximize: true) : new Adam(p, 0.01, 0.8, 0.9, 1e-6, maximize: true),
        "adamw" => safe ? new GcSafeAdamW(p, 0.01, weightDecay: 0.1) : new AdamW(p, 0.01, weight_decay: 0.1),
        "adamw-amsgrad-maximize" => safe ? new GcSafeAdamW(p, 0.01, 0.8, 0.9, 1e-6, 0.05, amsgrad: true, maximize: true) : new AdamW(p, 0.01, 0.8, 0.9, 1e-6, 0.05, amsgrad: true, maximize: true),
        "rmsprop" => safe ? new GcSafeRmsProp(p, 0.01) : new RMSProp(p, 0.01),
        "rmsprop-centered" => safe ? new GcSafeRmsProp(p, 0.01, centered: true) : new RMSProp(p, 0.01, centered: true),
        "rmsprop-momentum" => safe ? new GcSafeRmsProp(p, 0.01, momentum: 0.9) : new RMSProp(p, 0.01, momentum: 0.9),
        "rmsprop-all" => safe ? new GcSafeRmsProp(p, 0.01, 0.9, 1e-6, 0.05, 0.5, true, true) : new RMSProp(p, 0.01, 0.9, 1e-6, 0.05, 0.5, true, true),
        "sgd" => safe ? new GcSafeSgd(p, 0.05) : new SGD(p, 0.05),
        "sgd-momentum" => safe ? new GcSafeSgd(p, 0.05, 0.9) : new SGD(p, 0.05, 0.9),
        "sgd-nesterov" => safe ? new GcSafeSgd(p, 0.05, 0.9, nesterov: true) : new SGD(p, 0.05, 0.9, nesterov: true),
        "sgd-dampening-decay-maximize" => safe ? new GcSafeSgd(p, 0.05, 0.9, 0.3, 0.1, maximize: true) : new SGD(p, 0.05, 0.9, 0.3, 0.1, maximize: true),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Five_steps_equal_torchsharps_optimiser_bit_for_bit(string variant)
    {
        using var reference = Model();
        using var safe = Model();
        safe.load_state_dict(reference.state_dict());
        using var referenceOptimizer = Create(variant, reference.parameters(), safe: false);
        using var safeOptimizer = Create(variant, safe.parameters(), safe: true);
        Assert.IsType(referenceOptimizer.GetType(), safeOptimizer, exactMatch: false);
        for (int step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            using var x = Input(step);
            foreach (var (model, optimizer) in new[] { (reference, referenceOptimizer), (safe, safeOptimizer) })
            {
                optimizer.zero_grad();
                model.call(x).pow(2).mean().backward();
                optimizer.step();
            }
            foreach (var (name, expected) in reference.named_parameters())
            {
                var actual = safe.get_parameter(name)!;
                Assert.True(expected.eq(actual).all().item<bool>(), $"{variant}, step {step + 1}: parameter {name} differs");
            }
        }
        Assert.NotEqual(0f, reference.named_parameters().First().parameter.abs().sum().item<float>());
    }

    [Fact]
    public void The_state_file_of_the_safe_adam_is_torchsharps_adam_file_and_continues_identically()
    {
        using var a = Model();
        using var b = Model();
        b.load_state_dict(a.state_dict());
        using var safe = new GcSafeAdam(a.parameters(), 0.01);
        for (int step = 0; step < 3; step++) Step(a, safe, step);
        string file = Path.Combine(Path.GetTempPath(), $"gcsafe-adam-{Guid.NewGuid():N}.bin");
        try
        {
            OptimizerStateFile.Save(safe, file);
            using var original = new Adam(b.parameters(), 0.01);
            b.load_state_dict(a.state_dict());
            original.load_state_dict(file); // TorchSharp's own reader: the header says Adam
            string again = file + ".again";
            original.save_state_dict(again);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(again));
            File.Delete(again);
            using var reloaded = new GcSafeAdam(Model().parameters(), 0.01);
            OptimizerStateFile.Load(reloaded, file); // and ours reads TorchSharp's files
            Assert.Equal("Adam", OptimizerStateFile.TorchSharpName(reloaded));
            Step(a, safe, 3);
            Step(b, original, 3);
            foreach (var (name, expected) in a.named_parameters())
                Assert.True(expected.eq(b.get_parameter(name)!).all().item<bool>(), $"parameter {name} differs after the reloaded step");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_state_file_of_another_optimiser_is_refused_with_both_names()
    {
        using var model = Model();
        using var sgd = new GcSafeSgd(model.parameters(), 0.1, 0.9);
        string file = Path.Combine(Path.GetTempPath(), $"gcsafe-sgd-{Guid.NewGuid():N}.bin");
        try
        {
            OptimizerStateFile.Save(sgd, file);
            using var adam = new GcSafeAdam(model.parameters(), 0.01);
            var error = Assert.Throws<InvalidDataException>(() => OptimizerStateFile.Load(adam, file));
            Assert.Equal("the file holds the state of SGD, the run uses Adam", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Step(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, int step)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        model.call(Input(step)).pow(2).mean().backward();
        optimizer.step();
    }

    private static Tensor Input(int step)
    {
        var generator = new Generator((ulong)(100 + step));
        return randn([4, 3], generator: generator);
    }

    private static nn.Module<Tensor, Tensor> Model()
    {
        torch.manual_seed(7);
        return nn.Sequential(("fc1", nn.Linear(3, 5)), ("tanh", nn.Tanh()), ("fc2", nn.Linear(5, 2)));
    }
}
