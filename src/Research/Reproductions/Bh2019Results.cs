using System.Globalization;
using System.Text.Json;
using Research.Metrics;
using Research.Plots;

namespace Research.Reproductions;

/// <summary>One image's pixel scores from an evaluation's per_image.csv.</summary>
/// <param name="Id">The image id.</param>
/// <param name="Iou">Pixel IoU.</param>
/// <param name="Dice">Pixel Dice.</param>
public sealed record PerImageScore(string Id, double Iou, double Dice);

/// <summary>The pooled and per-image-mean pixel scores of one evaluation (summary.json).</summary>
/// <param name="IouMicro">Pixel IoU over all pixels.</param>
/// <param name="IouMean">Mean of per-image IoU.</param>
/// <param name="DiceMicro">Dice over all pixels.</param>
/// <param name="DiceMean">Mean of per-image Dice.</param>
/// <param name="SmoothedIouMean">Mean of per-image smoothed IoU (smooth = 1).</param>
/// <param name="SmoothedDiceMean">Mean of per-image smoothed Dice (smooth = 1).</param>
public sealed record PixelScores(double IouMicro, double IouMean, double DiceMicro, double DiceMean, double SmoothedIouMean, double SmoothedDiceMean);

/// <summary>One evaluation: its scores and per-image values.</summary>
/// <param name="Scores">Pooled and mean scores.</param>
/// <param name="Images">Per-image scores, in file order.</param>
public sealed record Bh2019Evaluation(PixelScores Scores, IReadOnlyList<PerImageScore> Images)
{
    /// <summary>Reads <c>summary.json</c> and <c>per_image.csv</c> of an evaluation folder.</summary>
    public static Bh2019Evaluation Read(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var r = doc.RootElement;
        double Get(string a, string b) => r.GetProperty(a).GetProperty(b).GetDouble();
        var scores = new PixelScores(Get("pixel", "iou"), Get("pixel_macro", "iou"), Get("pixel", "dice"), Get("pixel_macro", "dice"),
            Get("pixel_smoothed", "iou_mean"), Get("pixel_smoothed", "dice_mean"));
        var lines = File.ReadAllLines(Path.Combine(folder, "per_image.csv"));
        var header = lines[0].Split(',');
        int id = Array.IndexOf(header, "id"), iou = Array.IndexOf(header, "pixel_iou"), dice = Array.IndexOf(header, "pixel_dice");
        if (id < 0 || iou < 0 || dice < 0) throw new InputException($"{Path.Combine(folder, "per_image.csv")}: the columns id, pixel_iou and pixel_dice are needed.");
        var images = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(c => new PerImageScore(c[id], double.Parse(c[iou], CultureInfo.InvariantCulture), double.Parse(c[dice], CultureInfo.InvariantCulture))).ToList();
        return new Bh2019Evaluation(scores, images);
    }
}

/// <summary>One run of the amplification comparison (a row of amplification.csv).</summary>
/// <param name="Setting">fold113, random or none.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="IouMicro">Test pixel IoU over all pixels.</param>
/// <param name="IouMean">Mean of per-image test IoU.</param>
/// <param name="DiceMicro">Test Dice over all pixels.</param>
/// <param name="DiceMean">Mean of per-image test Dice.</param>
/// <param name="BlankWithForeground">Blank images with any predicted foreground.</param>
public sealed record AmplificationRun(string Setting, ulong Seed, double IouMicro, double IouMean, double DiceMicro, double DiceMean, int BlankWithForeground);

/// <summary>One setting of the amplification comparison over its seeds: mean and sample standard deviation (null for one seed: a spread needs two).</summary>
/// <param name="Setting">fold113, random or none.</param>
/// <param name="Seeds">Runs.</param>
/// <param name="IouMean">Mean over seeds of the mean per-image IoU.</param>
/// <param name="IouSd">Its standard deviation over seeds.</param>
/// <param name="DiceMicro">Mean over seeds of the pooled Dice.</param>
/// <param name="DiceSd">Its standard deviation over seeds.</param>
/// <param name="BlankWithForeground">Mean over seeds of the blank images with predicted foreground.</param>
public sealed record AmplificationSetting(string Setting, int Seeds, double IouMean, double? IouSd, double DiceMicro, double? DiceSd, double BlankWithForeground);

/// <summary>
/// The committed results of the BH2019 quality scripts (<c>tests/quality/results/bh2019/</c>, written with
/// <c>RECORD=1</c>): the published predictions measured by us (<c>published/</c>), our recipe's run (<c>ours/</c>:
/// evaluation, training curves, blank count), and the amplification comparison (<c>amplification.csv</c>). Parts the
/// scripts have not produced yet are null.
/// </summary>
/// <param name="Folder">The results folder.</param>
/// <param name="Published">The published predictions' evaluation, or null.</param>
/// <param name="Ours">Our recipe's evaluation, or null when it has not been run.</param>
/// <param name="Curves">Our run's metrics.csv, or null.</param>
/// <param name="BlankWithForeground">Blank images on which our run predicted any foreground, or null.</param>
/// <param name="Amplification">The comparison's runs, or null when it has not been run.</param>
public sealed record Bh2019Results(string Folder, Bh2019Evaluation? Published, Bh2019Evaluation? Ours, IReadOnlyList<EpochMetrics>? Curves,
    int? BlankWithForeground, IReadOnlyList<AmplificationRun>? Amplification)
{
    /// <summary>The folder under the repository root.</summary>
    public const string RepositoryFolder = "tests/quality/results/bh2019";

    /// <summary>Reads what exists in <paramref name="folder"/>.</summary>
    public static Bh2019Results Load(string folder)
    {
        string P(params string[] parts) => Path.Combine([folder, .. parts]);
        Bh2019Evaluation? Eval(string sub) => File.Exists(P(sub, "summary.json")) ? Bh2019Evaluation.Read(P(sub)) : null;
        var curves = File.Exists(P("ours", "metrics.csv")) ? LearningCurves.Read(P("ours", "metrics.csv")) : null;
        int? blank = File.Exists(P("ours", "blank_with_foreground.txt")) ? int.Parse(File.ReadAllText(P("ours", "blank_with_foreground.txt")).Trim(), CultureInfo.InvariantCulture) : null;
        return new Bh2019Results(folder, Eval("published"), Eval("ours"), curves, blank, File.Exists(P("amplification.csv")) ? ReadAmplification(P("amplification.csv")) : null);
    }

    /// <summary>Reads amplification.csv (<c>setting,seed,pixel_iou_micro,pixel_iou_mean,dice_micro,dice_mean,blank_with_foreground</c>).</summary>
    public static IReadOnlyList<AmplificationRun> ReadAmplification(string path)
    {
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(c => new AmplificationRun(c[0], ulong.Parse(c[1], CultureInfo.InvariantCulture), D(c[2]), D(c[3]), D(c[4]), D(c[5]), int.Parse(c[6], CultureInfo.InvariantCulture)))];
    }

    /// <summary>Mean and spread over seeds per setting, in the order fold113, random, none.</summary>
    public static IReadOnlyList<AmplificationSetting> Summarise(IReadOnlyList<AmplificationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string[] order = ["fold113", "random", "none"];
        return [.. runs.GroupBy(r => r.Setting).OrderBy(g => Array.IndexOf(order, g.Key) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => new AmplificationSetting(g.Key, g.Count(), g.Average(r => r.IouMean), Sd([.. g.Select(r => r.IouMean)]),
                g.Average(r => r.DiceMicro), Sd([.. g.Select(r => r.DiceMicro)]), g.Average(r => r.BlankWithForeground)))];
    }

    private static double? Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return null;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
