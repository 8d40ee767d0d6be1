namespace Research.Datasets.Validation;

/// <summary>What <see cref="DatasetValidator.ValidateDataset"/> found under a dataset root: one report per split found.</summary>
/// <param name="Dataset">Manifest id.</param>
/// <param name="Root">The folder given as the dataset root (full path).</param>
/// <param name="Splits">One report per split checked, in manifest order.</param>
/// <param name="Notes">Notes for the user (a split's own folder given as the root, splits not present).</param>
/// <param name="Problems">Problems of the whole copy (no split found at all).</param>
public sealed record DatasetValidation(string Dataset, string Root, IReadOnlyList<ValidationReport> Splits, IReadOnlyList<string> Notes, IReadOnlyList<DatasetProblem> Problems)
{
    /// <summary>True when at least one split was checked and no problem was found anywhere.</summary>
    public bool Valid => Problems.Count == 0 && Splits.Count > 0 && Splits.All(s => s.Valid);
}
