using Research.Imaging.Codecs;

namespace Research.Metrics.Evaluation;

/// <summary>Predictions as label image files in a folder, matched by file stem.</summary>
public sealed class FolderPredictions : IPredictionSet
{
    private readonly Dictionary<string, string> _files;

    /// <summary>Indexes the folder (see <see cref="LabelFolder.Index"/>).</summary>
    public FolderPredictions(string folder)
    {
        _files = LabelFolder.Index(folder, "--pred");
        Description = $"predictions {Research.IO.OutputFolder.FinalPath(folder)}";
    }

    /// <summary>Indexes the files of the folder that match <paramref name="pattern"/> (<c>*</c> and <c>?</c> wildcards).</summary>
    public FolderPredictions(string folder, string pattern)
    {
        _files = LabelFolder.Index(folder, "--pred", pattern);
        Description = $"predictions {folder} ({pattern})";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Ids => _files.Keys;

    /// <inheritdoc />
    public LabelImage Load(string id, int width, int height) => LabelImage.From(ImageFile.Read(_files[id]), _files[id]);
}
