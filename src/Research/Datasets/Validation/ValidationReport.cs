namespace Research.Datasets.Validation;

/// <summary>What <see cref="DatasetValidator"/> found in one split of a dataset copy.</summary>
/// <param name="Dataset">Manifest id.</param>
/// <param name="Root">The folder checked.</param>
/// <param name="Split">The manifest split it was compared with (null when none matched).</param>
/// <param name="Images">Images found.</param>
/// <param name="AnnotatedImages">Images with truth files.</param>
/// <param name="MaskFiles">Truth files read (one per object for one-file-per-object layouts).</param>
/// <param name="Objects">Objects: masks, or distinct labels of label images and RLE rows.</param>
/// <param name="NegativeImages">Annotated images whose truth is empty, plus, in a split declared without truth but with a count of negatives (<c>annotated: false</c>, <c>negatives: N</c>), its images without a mask.</param>
/// <param name="Problems">Every problem found, in a stable order (kind, path).</param>
/// <param name="Seconds">Wall-clock time of the check.</param>
public sealed record ValidationReport(string Dataset, string Root, string? Split, int Images, int AnnotatedImages, int MaskFiles, int Objects,
    int NegativeImages, IReadOnlyList<DatasetProblem> Problems, double Seconds)
{
    /// <summary>True when no problem was found.</summary>
    public bool Valid => Problems.Count == 0;
}
