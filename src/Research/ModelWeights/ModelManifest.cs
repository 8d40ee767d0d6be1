using YamlDotNet.Serialization;

namespace Research.ModelWeights;

/// <summary>
/// One published weights file (<c>model-manifests/ID.yaml</c>): what it is, where it comes from, how to check it, and
/// the terms it comes under. Keys are snake_case in YAML; <see cref="ModelManifestLoader"/> checks them.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The id; equal to the file's stem.</summary>
    public string Id { get; init; } = "";

    /// <summary>Human-readable name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The model family (<c>sam</c>).</summary>
    public string Family { get; init; } = "";

    /// <summary>The family's variant the weights are for (for <c>sam</c>: vit-b, vit-l, vit-h, vit-t).</summary>
    public string Variant { get; init; } = "";

    /// <summary>The file name the weights are saved under (a plain name, no folders).</summary>
    public string File { get; init; } = "";

    /// <summary>The direct download URL (https, or http: the SHA-256 check protects the content).</summary>
    public string Url { get; init; } = "";

    /// <summary>The page that documents the download.</summary>
    public string Page { get; init; } = "";

    /// <summary>The file's size in bytes, when a source states it.</summary>
    public long? Bytes { get; init; }

    /// <summary>The file's SHA-256 (64 lowercase hexadecimal digits), or empty when no source publishes one.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Where the digest and size come from (the weights' publishers do not always publish them).</summary>
    public string ChecksumSource { get; init; } = "";

    /// <summary>SPDX licence id of the weights.</summary>
    public string Licence { get; init; } = "";

    /// <summary>What to cite.</summary>
    public string Citation { get; init; } = "";

    /// <summary>Anything a user should know (optional).</summary>
    public string Notes { get; init; } = "";

    /// <summary>The manifest file it was read from.</summary>
    [YamlIgnore]
    public string SourceFile { get; init; } = "";
}
