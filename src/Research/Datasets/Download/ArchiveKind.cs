namespace Research.Datasets.Download;

/// <summary>Archive formats <see cref="ArchiveExtractor"/> unpacks.</summary>
public enum ArchiveKind
{
    /// <summary>ZIP (<c>.zip</c>).</summary>
    Zip,

    /// <summary>Gzip-compressed tar (<c>.tar.gz</c>, <c>.tgz</c>).</summary>
    TarGz,

    /// <summary>Uncompressed tar (<c>.tar</c>).</summary>
    Tar,
}
