using System.Globalization;
using System.Text.RegularExpressions;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Metrics;
using Research.Processing.Labels;
using Research.Randomness;

namespace Research.Torch.Sam.FineTuning;

/// <summary>One annotated frame: its sample id, image file and instance truth, with one box prompt per object.</summary>
/// <param name="Id">The sample id (<c>01/t002</c> for CTC).</param>
/// <param name="ImagePath">The image file.</param>
/// <param name="Truth">Instance labels (a semantic mask split into 4-connected components).</param>
/// <param name="Objects">Each object's label and box (pixel edges: min x, min y, max x + 1, max y + 1), ascending labels.</param>
public sealed record SamFrame(string Id, string ImagePath, LabelImage Truth, IReadOnlyList<(int Label, float[] Box)> Objects);

/// <summary>
/// The annotated frames of a manifest dataset's split for fine-tuning, split into training and validation frames by a
/// seeded shuffle (at least one of each). Frames without segmentation (a CTC frame with no <c>man_seg</c> file) and
/// frames whose truth holds no object are skipped and counted.
/// </summary>
public sealed class SamFrames
{
    private SamFrames(IReadOnlyList<SamFrame> train, IReadOnlyList<SamFrame> validation, int withoutTruth, int empty, int listed)
    {
        Train = train;
        Validation = validation;
        WithoutTruth = withoutTruth;
        EmptyTruth = empty;
        Listed = listed;
    }

    /// <summary>The training frames, in id order.</summary>
    public IReadOnlyList<SamFrame> Train { get; }

    /// <summary>The validation frames, in id order.</summary>
    public IReadOnlyList<SamFrame> Validation { get; }

    /// <summary>Frames of the selection without segmentation, skipped.</summary>
    public int WithoutTruth { get; }

    /// <summary>Frames whose segmentation holds no object, skipped.</summary>
    public int EmptyTruth { get; }

    /// <summary>Frames of the selection (with and without truth).</summary>
    public int Listed { get; }

    /// <summary>Reads the annotated frames of <paramref name="dataset"/> at <paramref name="root"/> whose ids match <paramref name="include"/> (all when null).</summary>
    /// <exception cref="InputException">Unknown dataset, no frame with truth, unreadable truth.</exception>
    public static IReadOnlyList<SamFrame> Read(string dataset, string root, string? include, out int withoutTruth, out int emptyTruth, out int listed)
    {
        DatasetManifest manifest = ManifestRegistry.Load().Get(dataset);
        var scan = new LayoutReaders().Scan(manifest, root);
        var pattern = include is null ? null : Pattern(include);
        var selected = scan.Samples.Where(s => pattern is null || pattern.IsMatch(s.Id)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        listed = selected.Count;
        if (selected.Count == 0)
        {
            string example = scan.Samples.Count > 0 ? $" (its ids look like '{scan.Samples[0].Id}')" : "";
            throw new InputException($"Dataset '{dataset}' at {root}: no sample{(include is null ? "" : $" matches --include '{include}'")}{example}.");
        }
        var annotated = selected.Where(s => s.Truth != TruthKind.None && s.MaskPaths.Count > 0).ToList();
        withoutTruth = selected.Count - annotated.Count;
        var frames = new SamFrame?[annotated.Count];
        try
        {
            Parallel.For(0, annotated.Count, i => frames[i] = Frame(annotated[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InputException>().FirstOrDefault() is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
        var kept = frames.Where(f => f is not null).Select(f => f!).ToList();
        emptyTruth = annotated.Count - kept.Count;
        if (kept.Count == 0)
            throw new InputException($"Dataset '{dataset}' at {root}: none of the {selected.Count} selected frame(s) has segmentation with objects; fine-tuning needs instance truth (gold or silver).");
        return kept;
    }

    /// <summary>Reads the frames (see <see cref="Read"/>) and splits them: <paramref name="validationFraction"/> of them, at least one, to validation.</summary>
    /// <exception cref="InputException">As <see cref="Read"/>, or fewer than two annotated frames.</exception>
    public static SamFrames Load(string dataset, string root, string? include, double validationFraction, ulong seed)
    {
        var frames = Read(dataset, root, include, out int withoutTruth, out int empty, out int listed);
        if (frames.Count < 2)
            throw new InputException($"Dataset '{dataset}' at {root}: {frames.Count} annotated frame(s); fine-tuning holds at least one out for validation, so it needs two or more.");
        int validation = Math.Clamp((int)Math.Round(validationFraction * frames.Count), 1, frames.Count - 1);
        var order = Enumerable.Range(0, frames.Count).ToArray();
        var random = SeededRandom.Derive(seed, 0x5A_5000UL);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var held = order.Take(validation).ToHashSet();
        return new SamFrames(
            [.. Enumerable.Range(0, frames.Count).Where(i => !held.Contains(i)).Select(i => frames[i])],
            [.. Enumerable.Range(0, frames.Count).Where(held.Contains).Select(i => frames[i])],
            withoutTruth, empty, listed);
    }

    /// <summary>A summary line: frames used, held out and skipped.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Train.Count} training and {Validation.Count} validation frame(s) ({Train.Sum(f => f.Objects.Count)} and {Validation.Sum(f => f.Objects.Count)} objects); " +
        $"skipped {WithoutTruth} without segmentation and {EmptyTruth} with empty segmentation, of {Listed} listed");

    private static SamFrame? Frame(DatasetSample sample)
    {
        LabelImage truth;
        if (sample.ReadInstances() is { } instances)
        {
            truth = new LabelImage(instances.Width, instances.Height, Array.ConvertAll(instances.Data, v => (int)v), sample.MaskPaths[0]);
        }
        else if (sample.ReadSemantic() is { } semantic)
        {
            var labels = ConnectedComponents.Label(Array.ConvertAll(semantic.Data, v => v > 0), semantic.Width, semantic.Height, Connectivity.Four, out _);
            truth = new LabelImage(semantic.Width, semantic.Height, labels, sample.MaskPaths[0]);
        }
        else
        {
            throw new InputException($"{sample.MaskPaths[0]}: could not be read as instance labels or a semantic mask.");
        }
        if (Array.TrueForAll(truth.Data, v => v == 0)) return null;
        return new SamFrame(sample.Id, sample.ImagePath, truth, SamLabels.Boxes(truth));
    }

    /// <summary>A <c>*</c>/<c>?</c> pattern over whole ids.</summary>
    public static Regex Pattern(string include) =>
        new("^" + Regex.Escape(include).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
