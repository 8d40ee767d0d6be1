namespace Research.Datasets.Manifests;

/// <summary>
/// One dataset's manifest (<c>data-manifests/&lt;id&gt;.yaml</c>, described by <c>data-manifests/schema.json</c>):
/// what it is, where it comes from, its licence and citations, how its files are laid out, how its masks encode
/// the truth, its splits and expected counts, and the datasheet answers. Load with <see cref="ManifestLoader"/>,
/// which checks every required field; facts that could not be confirmed are listed in <see cref="Unverified"/>.
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>Short identifier, lower-case kebab-case, equal to the file name without <c>.yaml</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Full name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Version or release (free text, e.g. <c>stage1</c>, <c>2021</c>).</summary>
    public string Version { get; init; } = "";

    /// <summary>One-paragraph summary.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The dataset's home page.</summary>
    public string Homepage { get; init; } = "";

    /// <summary>Further source URLs (mirrors, papers, repositories).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The licence or terms of use.</summary>
    public LicenceInfo Licence { get; init; } = null!;

    /// <summary>Citations (BibTeX).</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Imaging modality.</summary>
    public ImagingModality Modality { get; init; }

    /// <summary>Organism(s), e.g. <c>human</c>, <c>mouse</c>, or <c>none</c> for synthetic data.</summary>
    public string Organism { get; init; } = "";

    /// <summary>Tissue, organ or cell type.</summary>
    public string Tissue { get; init; } = "";

    /// <summary>Ontology terms for the objects, imaging method, organism and tissue, when the sources support them.</summary>
    public OntologyTerms? Ontology { get; init; }

    /// <summary>Tasks the truth supports.</summary>
    public IReadOnlyList<DatasetTask> Tasks { get; init; } = [];

    /// <summary>Approximate download size in megabytes, when known.</summary>
    public double? DownloadSizeMb { get; init; }

    /// <summary>The file layout and its path patterns.</summary>
    public LayoutSpec Layout { get; init; } = null!;

    /// <summary>How masks encode the truth.</summary>
    public MaskSpec Masks { get; init; } = null!;

    /// <summary>The splits with their folders and expected counts.</summary>
    public IReadOnlyList<SplitSpec> Splits { get; init; } = [];

    /// <summary>SHA-256 digests of files, relative to the dataset root, where known.</summary>
    public IReadOnlyList<FileChecksum> Checksums { get; init; } = [];

    /// <summary>How to obtain the data: direct downloads and/or manual steps.</summary>
    public ObtainSpec Obtain { get; init; } = null!;

    /// <summary>The datasheet answers.</summary>
    public DatasheetAnswers Datasheet { get; init; } = null!;

    /// <summary>Facts in this manifest that could not be confirmed from a primary source.</summary>
    public IReadOnlyList<ManifestField> Unverified { get; init; } = [];

    /// <summary>The file this manifest was loaded from (not part of the YAML).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string SourceFile { get; init; } = "";

    /// <summary>True when <paramref name="field"/> is listed as unverified.</summary>
    public bool IsUnverified(ManifestField field) => Unverified.Contains(field);

    /// <summary>Total expected images over all splits that list a count, or null when none does.</summary>
    public int? ExpectedImages => Splits.Any(s => s.Images is not null) ? Splits.Sum(s => s.Images ?? 0) : null;
}

/// <summary>Licence: an SPDX identifier when there is one, otherwise the terms in short.</summary>
public sealed record LicenceInfo
{
    /// <summary>SPDX identifier (e.g. <c>CC0-1.0</c>, <c>CC-BY-SA-4.0</c>), or empty when there is none.</summary>
    public string Spdx { get; init; } = "";

    /// <summary>The terms in short (required; says so when no licence is stated).</summary>
    public string Terms { get; init; } = "";

    /// <summary>Where the terms are published.</summary>
    public string Url { get; init; } = "";

    /// <summary>What to show in a table: the SPDX id, else <c>terms</c>.</summary>
    public string Display => Spdx.Length > 0 ? Spdx : "see terms";
}

/// <summary>One citation.</summary>
public sealed record Citation
{
    /// <summary>The BibTeX entry.</summary>
    public string Bibtex { get; init; } = "";

    /// <summary>What to cite it for (e.g. <c>dataset</c>, <c>paper</c>).</summary>
    public string Note { get; init; } = "";
}

/// <summary>A split (train, test, a CTC sequence set) with its folder and expected counts.</summary>
public sealed record SplitSpec
{
    /// <summary>Split name, e.g. <c>stage1_train</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Folder of the split relative to the dataset root (<c>.</c> for the root itself).</summary>
    public string Folder { get; init; } = ".";

    /// <summary>Expected number of images, when known.</summary>
    public int? Images { get; init; }

    /// <summary>Expected number of annotated objects (instance masks), when known.</summary>
    public int? Objects { get; init; }

    /// <summary>Expected number of images whose truth is empty (negatives), when known.</summary>
    public int? Negatives { get; init; }

    /// <summary>Whether the split's truth is distributed with it.</summary>
    /// <value>The default value is true.</value>
    public bool Annotated { get; init; } = true;

    /// <summary>True when this split's counts could not be confirmed from a primary source.</summary>
    /// <value>The default value is false.</value>
    public bool Unverified { get; init; }
}

/// <summary>The SHA-256 digest of one file.</summary>
public sealed record FileChecksum
{
    /// <summary>Path relative to the dataset root.</summary>
    public string Path { get; init; } = "";

    /// <summary>Lower-case hexadecimal SHA-256.</summary>
    public string Sha256 { get; init; } = "";
}

/// <summary>The datasheet answers (Gebru et al., Datasheets for Datasets), in the project's own words.</summary>
public sealed record DatasheetAnswers
{
    /// <summary>Why and by whom the dataset was created.</summary>
    public string Motivation { get; init; } = "";

    /// <summary>How the images and truth were acquired.</summary>
    public string Collection { get; init; } = "";

    /// <summary>Preprocessing, cleaning and labelling.</summary>
    public string Preprocessing { get; init; } = "";

    /// <summary>Intended and inadvisable uses.</summary>
    public string Uses { get; init; } = "";

    /// <summary>How it is distributed and under which terms.</summary>
    public string Distribution { get; init; } = "";

    /// <summary>Who maintains it.</summary>
    public string Maintenance { get; init; } = "";

    /// <summary>
    /// Optional answers to single questions of the datasheet, keyed by question id (e.g. <c>motivation-3</c>,
    /// <c>collection-5</c>; the ids are listed by <c>Research.Datasheets.DatasheetQuestions</c>). They answer questions
    /// that the six paragraphs above do not.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();
}
