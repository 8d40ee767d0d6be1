using Research.Datasets.Validation;

namespace Research.Datasets.Layouts;

/// <summary>What a reader found by listing files (no pixels read): the samples and the structural problems.</summary>
/// <param name="Samples">The samples, ordered by id.</param>
/// <param name="Problems">Missing images or masks, unmatched masks, unreadable listings.</param>
public sealed record LayoutScan(IReadOnlyList<DatasetSample> Samples, IReadOnlyList<DatasetProblem> Problems);
