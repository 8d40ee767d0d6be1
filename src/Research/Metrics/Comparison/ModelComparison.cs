namespace Research.Metrics.Comparison;

/// <summary>One model's scores on a group of images.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Group">The image group ("all" for every image).</param>
/// <param name="Images">Images in the group.</param>
/// <param name="Dsb2018">Mean DSB2018 score over the group's images.</param>
/// <param name="F1At05">Mean F1 at IoU 0.5.</param>
public sealed record GroupScores(string Model, string Group, int Images, double Dsb2018, double F1At05);

/// <summary>
/// One or more models evaluated on the same images (each an evaluation's <c>per_image.csv</c>): the DSB2018 score_t
/// at each IoU threshold, scores per image group (e.g. the datasheet's groups grey-dark, grey-light, colour) and each
/// model's worst images. Every model must have scored exactly the same image ids.
/// </summary>
public sealed class ModelComparison
{
    /// <summary>Compares the named evaluations.</summary>
    /// <exception cref="InputException">The models scored different images (the first difference is named).</exception>
    public ModelComparison(IReadOnlyDictionary<string, IReadOnlyList<ImageScores>> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0) throw new InputException("Compare at least one evaluation.");
        var first = models.First();
        var ids = first.Value.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, rows) in models)
        {
            if (rows.Count == 0) throw new InputException($"'{name}': the evaluation has no images.");
            var duplicate = rows.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new InputException($"'{name}': image {duplicate.Key} is scored {duplicate.Count()} times.");
            var other = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var extra = other.Except(ids).Concat(ids.Except(other)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (extra is not null) throw new InputException($"'{name}' and '{first.Key}' scored different images (e.g. {extra}); evaluate both on the same split.");
        }
        Models = models;
    }

    /// <summary>The models' rows by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ImageScores>> Models { get; }

    /// <summary>Mean over images of score_t at each IoU threshold 0.50 ... 0.95, per model.</summary>
    public IReadOnlyDictionary<string, double[]> ScoreByThreshold() => Models.ToDictionary(m => m.Key,
        m => Enumerable.Range(0, Dsb2018Score.Thresholds.Count).Select(k => m.Value.Count == 0 ? 0 : m.Value.Average(r => r.PerThreshold[k])).ToArray());

    /// <summary>
    /// Each model's mean DSB2018 score and F1 at 0.5 over all images and per group of <paramref name="groupOf"/> (images
    /// without a group are counted only in "all"); groups in the order first met in <paramref name="groupOf"/>'s values sorted by name.
    /// </summary>
    public IReadOnlyList<GroupScores> ByGroup(IReadOnlyDictionary<string, string> groupOf)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        var result = new List<GroupScores>();
        var groups = groupOf.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var (name, rows) in Models)
        {
            result.Add(Scores(name, "all", rows));
            foreach (var g in groups)
            {
                var inGroup = rows.Where(r => groupOf.TryGetValue(r.Id, out var x) && x == g).ToList();
                if (inGroup.Count > 0) result.Add(Scores(name, g, inGroup));
            }
        }
        return result;
    }

    /// <summary>The <paramref name="count"/> images of lowest DSB2018 score for <paramref name="model"/> (ties by id).</summary>
    public IReadOnlyList<ImageScores> Worst(string model, int count) =>
        [.. Models[model].OrderBy(r => r.Dsb2018).ThenBy(r => r.Id, StringComparer.Ordinal).Take(count)];

    private static GroupScores Scores(string model, string group, IReadOnlyList<ImageScores> rows) =>
        new(model, group, rows.Count, rows.Average(r => r.Dsb2018), rows.Average(r => r.F1At05));
}
