using System.Text.Json;
using Research.Datasets.Manifests;

namespace Research.Measurements;

/// <summary>
/// <c>rois.jsonld</c>: the measured objects as JSON-LD with schema.org terms and OBO PURLs. A schema.org
/// <c>Dataset</c> names the imaging method (<c>measurementTechnique</c>, FBbi), organism and tissue (<c>about</c>,
/// NCBITaxon and UBERON) and defines every measured property once (<c>variableMeasured</c>: name, description,
/// unit); it has one <c>ImageObject</c> per image, whose parts are its objects: each a node with an identifier, the
/// object type as <c>additionalType</c> (GO or CL), its label value, bounding box, outline polygon and measurements as
/// <c>PropertyValue</c>s. Units are pixels (the manifests give no pixel size). Written with a streaming writer, so a
/// whole dataset does not sit in memory as a tree.
/// </summary>
public static class RoiDocument
{
    /// <summary>Each measured property: name (as in objects.csv), unit, description.</summary>
    public static readonly IReadOnlyList<(string Name, string Unit, string Description)> Variables =
    [
        ("label", "", "The object's value in the label image."),
        ("area", "pixel²", "Pixels of the object."),
        ("bbox", "pixel", "Bounding box: min row, min column, max row, max column (max exclusive)."),
        ("centroid", "pixel", "Mean (row, column) of the object's pixels."),
        ("outline", "pixel", "Outer outline through boundary pixel centres: 'row col' pairs separated by commas."),
        ("perimeter", "pixel", "Perimeter of the 4-connected border, weighted (scikit-image perimeter)."),
        ("perimeter_crofton", "pixel", "Crofton perimeter, four directions."),
        ("eccentricity", "", "Eccentricity of the ellipse with the same second moments (0 disc, towards 1 line)."),
        ("orientation", "radian", "Angle between the row axis and the ellipse's major axis, in [-pi/2, pi/2]."),
        ("major_axis_length", "pixel", "Major axis of the ellipse with the same second moments."),
        ("minor_axis_length", "pixel", "Minor axis of that ellipse."),
        ("equivalent_diameter", "pixel", "Diameter of the disc with the same area."),
        ("solidity", "", "Area divided by the convex hull image's area."),
        ("convex_area", "pixel²", "Pixels of the convex hull image."),
        ("extent", "", "Area divided by the bounding box's area."),
        ("euler_number", "", "8-connected pieces minus 4-connected holes."),
        ("feret_diameter_max", "pixel", "Largest distance between two points of the convex hull's outline."),
        ("filled_area", "pixel²", "Pixels with the holes filled."),
        ("circularity", "", "4 pi area / perimeter² (1 for a disc)."),
        ("touches_border", "", "Whether the bounding box reaches the image's edge."),
    ];

    /// <summary>Writes the document for <paramref name="images"/> to <paramref name="stream"/>; <paramref name="ontology"/> may be null (no terms).</summary>
    public static void Write(Stream stream, string name, IReadOnlyList<ImageMeasurement> images, OntologyTerms? ontology)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        WriteContext(w);
        w.WriteString("@id", "#rois");
        w.WriteString("@type", "Dataset");
        w.WriteString("name", name);
        w.WriteString("description", "Objects measured by research measure (scikit-image 0.19 regionprops definitions); units are pixels.");
        Terms(w, "measurementTechnique", ontology?.ImagingMethod);
        Terms(w, "about", ontology is null ? null : [.. ontology.Organism, .. ontology.Tissue]);
        w.WriteStartArray("variableMeasured");
        foreach (var (variable, unit, description) in Variables)
        {
            w.WriteStartObject();
            w.WriteString("@type", "PropertyValue");
            w.WriteString("name", variable);
            w.WriteString("description", description);
            if (unit.Length > 0) w.WriteString("unitText", unit);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("hasPart");
        foreach (ImageMeasurement image in images) WriteImage(w, image, ontology);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter w)
    {
        w.WriteStartObject("@context");
        w.WriteString("@vocab", "https://schema.org/");
        w.WriteString("schema", "https://schema.org/");
        w.WriteString("obo", "http://purl.obolibrary.org/obo/");
        foreach (string term in (string[])["additionalType", "measurementTechnique"])
        {
            w.WriteStartObject(term);
            w.WriteString("@id", "schema:" + term);
            w.WriteString("@type", "@id");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Terms(Utf8JsonWriter w, string property, IReadOnlyList<OntologyTerm>? terms)
    {
        if (terms is not { Count: > 0 }) return;
        w.WriteStartArray(property);
        foreach (OntologyTerm t in terms)
        {
            w.WriteStartObject();
            w.WriteString("@id", t.Iri);
            w.WriteString("name", t.Label);
            w.WriteString("identifier", t.Curie);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteImage(Utf8JsonWriter w, ImageMeasurement image, OntologyTerms? ontology)
    {
        string id = "#image/" + Uri.EscapeDataString(image.Image);
        w.WriteStartObject();
        w.WriteString("@id", id);
        w.WriteString("@type", "ImageObject");
        w.WriteString("name", image.Image);
        w.WriteString("width", $"{image.Width} px");
        w.WriteString("height", $"{image.Height} px");
        w.WriteStartArray("hasPart");
        for (int k = 0; k < image.Objects.Count; k++)
        {
            RegionProperties o = image.Objects[k];
            w.WriteStartObject();
            w.WriteString("@id", $"{id}/object/{o.Label}");
            w.WriteString("@type", "Thing");
            if (ontology is { ObjectType.Count: > 0 })
            {
                w.WriteStartArray("additionalType");
                foreach (OntologyTerm t in ontology.ObjectType) w.WriteStringValue(t.Iri);
                w.WriteEndArray();
            }
            w.WriteString("identifier", $"{image.Image}#{o.Label}");
            w.WriteStartObject("isPartOf");
            w.WriteString("@id", id);
            w.WriteEndObject();
            w.WriteStartArray("additionalProperty");
            foreach (var (variable, value) in Values(o, k < image.Outlines.Count ? image.Outlines[k] : null))
            {
                w.WriteStartObject();
                w.WriteString("@type", "PropertyValue");
                w.WriteString("name", variable);
                switch (value)
                {
                    case string s: w.WriteString("value", s); break;
                    case bool b: w.WriteBoolean("value", b); break;
                    case long l: w.WriteNumber("value", l); break;
                    case double d when double.IsFinite(d): w.WriteNumber("value", d); break;
                    default: w.WriteNull("value"); break;
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IEnumerable<(string, object)> Values(RegionProperties o, IReadOnlyList<(int Row, int Col)>? outline)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        yield return ("label", (long)o.Label);
        yield return ("area", o.Area);
        yield return ("bbox", string.Create(c, $"{o.BboxMinRow} {o.BboxMinCol} {o.BboxMaxRow} {o.BboxMaxCol}"));
        yield return ("centroid", string.Create(c, $"{o.CentroidRow:R} {o.CentroidCol:R}"));
        if (outline is not null) yield return ("outline", string.Join(",", outline.Select(p => string.Create(c, $"{p.Row} {p.Col}"))));
        yield return ("perimeter", o.Perimeter);
        yield return ("perimeter_crofton", o.PerimeterCrofton);
        yield return ("eccentricity", o.Eccentricity);
        yield return ("orientation", o.Orientation);
        yield return ("major_axis_length", o.MajorAxisLength);
        yield return ("minor_axis_length", o.MinorAxisLength);
        yield return ("equivalent_diameter", o.EquivalentDiameter);
        yield return ("solidity", o.Solidity);
        yield return ("convex_area", o.ConvexArea);
        yield return ("extent", o.Extent);
        yield return ("euler_number", (long)o.EulerNumber);
        yield return ("feret_diameter_max", o.FeretDiameterMax);
        yield return ("filled_area", o.FilledArea);
        yield return ("circularity", o.Circularity);
        yield return ("touches_border", o.TouchesBorder);
    }
}
