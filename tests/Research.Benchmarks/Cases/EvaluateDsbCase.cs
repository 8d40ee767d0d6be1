using System.Globalization;
using Research.Benchmarks.Fixtures;
using Research.Benchmarks.Harness;
using Research.Metrics;

namespace Research.Benchmarks.Cases;

/// <summary>
/// Evaluating the 65 DSB2018 stage1_test images (truth from the per-object masks, prediction a seeded perturbation:
/// drops, erosions, dilations, shifts, merges) with every metric but the boundary ones, on pre-loaded label pairs:
/// <see cref="Evaluator.Evaluate"/> against a straightforward NumPy implementation (tests/reference/evaluate_reference.py).
/// Target: ours at most 170 ms.
/// </summary>
public sealed class EvaluateDsbCase : IBenchmarkCase
{
    private const ulong Seed = 2018;
    private static readonly EvaluationOptions Options = new() { Boundary = false };

    /// <inheritdoc />
    public string Name => "evaluate-dsb2018-test";

    /// <inheritdoc />
    public string What => "Evaluate 65 DSB2018 test images, all metrics but boundary";

    /// <inheritdoc />
    public RunCounts FullCounts => new(3, 20);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        var pairs = DsbTestLabels.Load(DsbTestLabels.Folder(), Seed);
        DsbTestLabels.Write(pairs, context.WorkDirectory);
        var fixture = new Dictionary<string, string>
        {
            ["images"] = pairs.Count.ToString(CultureInfo.InvariantCulture),
            ["pixels"] = pairs.Sum(p => (long)p.Truth.Data.Length).ToString(CultureInfo.InvariantCulture),
            ["true_objects"] = pairs.Sum(p => p.Truth.Data.Distinct().Count() - 1).ToString(CultureInfo.InvariantCulture),
            ["generator"] = $"DsbTestLabels.Load(stage1_test, seed {Seed})",
        };
        return new CasePlan(
            Ours: () => Evaluator.Evaluate(pairs, Options),
            Reference: new ReferenceScript("evaluate_reference.py", [Path.Combine(context.WorkDirectory, "pairs.txt"), Path.Combine(context.WorkDirectory, "pairs.bin")]),
            Comparisons: [new Comparison("NumPy", "numpy", Target.OursAtMost(TimeSpan.FromMilliseconds(170)))],
            Fixture: fixture,
            OursFingerprint: () => Fingerprint(Evaluator.Evaluate(pairs, Options).Summary));
    }

    /// <summary>Same format as evaluate_reference.py.</summary>
    public static string Fingerprint(EvaluationSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"dsb={s.Dsb2018Score:F6} iou={s.Pixel.Iou:F6} macro={s.PixelMacro.Iou:F6} m50={s.Matching["0.5"].Tp}/{s.Matching["0.5"].Fp}/{s.Matching["0.5"].Fn} pq50={s.Matching["0.5"].Pq:F6} m75={s.Matching["0.75"].Tp} seg={s.Ctc.Seg:F6} det={s.Ctc.Det:F6} cen={s.Centroid.Tp}/{s.Centroid.Fp} mae={s.Counting.Mae:F4} medae={s.Counting.Medae:F4} mpe={s.Counting.Mpe:F4}");
}
