namespace Research.Datasets.Manifests;

/// <summary>One ontology term: its full OBO PURL (e.g. <c>http://purl.obolibrary.org/obo/GO_0005634</c>) and label.</summary>
public sealed record OntologyTerm
{
    /// <summary>The term's IRI, a full OBO PURL.</summary>
    public string Iri { get; init; } = "";

    /// <summary>The term's label in its ontology (e.g. <c>nucleus</c>).</summary>
    public string Label { get; init; } = "";

    /// <summary>The short identifier, <c>GO:0005634</c> for <c>.../obo/GO_0005634</c>.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string Curie
    {
        get
        {
            string local = Iri[(Iri.LastIndexOf('/') + 1)..];
            int underscore = local.IndexOf('_', StringComparison.Ordinal);
            return underscore < 0 ? local : $"{local[..underscore]}:{local[(underscore + 1)..]}";
        }
    }
}

/// <summary>
/// What a dataset's objects and images are, as ontology terms (manifest key <c>ontology</c>): the object type (GO
/// cellular component or CL cell type), the imaging method (FBbi), the organism (NCBITaxon) and the tissue (UBERON),
/// each a list because a dataset may mix several. The ROI metadata (<c>rois.jsonld</c>) writes them as the type and
/// context of every measured object.
/// </summary>
public sealed record OntologyTerms
{
    /// <summary>The annotated objects (e.g. GO:0005634 nucleus, CL:0000540 neuron).</summary>
    public IReadOnlyList<OntologyTerm> ObjectType { get; init; } = [];

    /// <summary>How the images were made (FBbi, e.g. FBbi:00000246 fluorescence microscopy).</summary>
    public IReadOnlyList<OntologyTerm> ImagingMethod { get; init; } = [];

    /// <summary>Organisms (NCBITaxon).</summary>
    public IReadOnlyList<OntologyTerm> Organism { get; init; } = [];

    /// <summary>Tissues or organs (UBERON); empty when the sources do not name one.</summary>
    public IReadOnlyList<OntologyTerm> Tissue { get; init; } = [];

    /// <summary>Every term, in the order object type, imaging method, organism, tissue.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public IEnumerable<OntologyTerm> All => [.. ObjectType, .. ImagingMethod, .. Organism, .. Tissue];
}
