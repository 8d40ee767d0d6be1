using System.Text.Json.Nodes;
using Research.Datasets.Manifests;

namespace Research.Datasheets;

/// <summary>
/// The link between a Croissant document and the object measurements: the manifest's ontology terms as schema.org
/// <c>about</c> (object type, organism, tissue) and <c>measurementTechnique</c> (FBbi), with full OBO PURLs, and,
/// when a <c>research measure</c> run's <c>rois.jsonld</c> is given, a <c>cr:FileObject</c> pointing at it.
/// </summary>
public static class CroissantOntology
{
    /// <summary>A rois.jsonld to link: its URL relative to the datasheet folder and its SHA-256.</summary>
    /// <param name="ContentUrl">Path from the datasheet folder to the file.</param>
    /// <param name="Sha256">The file's digest.</param>
    public sealed record RoisLink(string ContentUrl, string Sha256);

    /// <summary>Adds the terms to <paramref name="doc"/> (nothing without an ontology block).</summary>
    public static void AddTerms(JsonObject doc, DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Ontology is not { } o) return;
        JsonArray Terms(IEnumerable<OntologyTerm> terms) => [.. terms.Select(t => (JsonNode)new JsonObject { ["@id"] = t.Iri, ["name"] = t.Label })];
        doc["about"] = Terms([.. o.ObjectType, .. o.Organism, .. o.Tissue]);
        if (o.ImagingMethod.Count > 0) doc["measurementTechnique"] = Terms(o.ImagingMethod);
    }

    /// <summary>The FileObject of <paramref name="rois"/>.</summary>
    public static JsonObject FileObject(RoisLink rois)
    {
        ArgumentNullException.ThrowIfNull(rois);
        return new JsonObject
        {
            ["@type"] = "cr:FileObject", ["@id"] = "rois.jsonld", ["name"] = "rois.jsonld", ["contentUrl"] = rois.ContentUrl,
            ["encodingFormat"] = "application/ld+json", ["sha256"] = rois.Sha256,
            ["description"] = "Per-object region properties and ROI metadata with ontology terms (JSON-LD), written by research measure.",
        };
    }
}
