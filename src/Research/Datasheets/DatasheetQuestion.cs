namespace Research.Datasheets;

/// <summary>Who answers a question: people (in the manifest) or the measurement of the data.</summary>
public enum AnswerKind
{
    /// <summary>Written by people in the manifest; shown as not answered when the manifest is silent.</summary>
    PeopleWritten,

    /// <summary>Measured from the data (with any manifest facts shown beside the tables).</summary>
    Computed,
}

/// <summary>A manifest field that answers (part of) a question.</summary>
public enum ManifestSource
{
    /// <summary><c>datasheet.motivation</c>.</summary>
    Motivation,

    /// <summary><c>datasheet.collection</c>.</summary>
    Collection,

    /// <summary><c>datasheet.preprocessing</c>.</summary>
    Preprocessing,

    /// <summary><c>datasheet.uses</c>.</summary>
    Uses,

    /// <summary><c>datasheet.distribution</c>.</summary>
    Distribution,

    /// <summary><c>datasheet.maintenance</c>.</summary>
    Maintenance,

    /// <summary><c>summary</c>, <c>modality</c>, <c>organism</c> and <c>tissue</c>.</summary>
    Subject,

    /// <summary><c>citations</c> (who made it, as cited).</summary>
    Citations,

    /// <summary><c>masks</c>: encoding, storage format and class map.</summary>
    Masks,

    /// <summary><c>splits</c>: names, folders, expected counts.</summary>
    Splits,

    /// <summary><c>tasks</c>.</summary>
    Tasks,

    /// <summary><c>licence</c>.</summary>
    Licence,

    /// <summary><c>homepage</c>, <c>sources</c> and <c>obtain</c>.</summary>
    Access,

    /// <summary><c>version</c>.</summary>
    Version,
}

/// <summary>A table measured from the data.</summary>
public enum ComputedTable
{
    /// <summary>Images, annotated images and objects per split.</summary>
    Counts,

    /// <summary>Image sizes, channels, bit depth, colour mode, modality groups, intensity statistics.</summary>
    ImageFormat,

    /// <summary>Objects per image, object area and shape, foreground fraction, class frequencies.</summary>
    Objects,

    /// <summary>Images without masks and files that could not be read.</summary>
    Missing,

    /// <summary>Empty masks, overlaps, size mismatches, duplicates, unreadable files.</summary>
    Problems,
}

/// <summary>
/// One question of the datasheet: its id (<c>section-number</c>, numbered as in the paper), section, text, who
/// answers it, and which manifest fields and measured tables answer it. A manifest can answer any question directly
/// with <c>datasheet.answers.&lt;id&gt;</c>.
/// </summary>
/// <param name="Id">Question id, e.g. <c>composition-9</c>.</param>
/// <param name="Section">The section.</param>
/// <param name="Text">The question as worded by Gebru et al.</param>
/// <param name="Kind">People-written or computed.</param>
/// <param name="Sources">Manifest fields that answer it (may be empty).</param>
/// <param name="Tables">Measured tables that answer it (empty for people-written questions).</param>
public sealed record DatasheetQuestion(string Id, DatasheetSection Section, string Text, AnswerKind Kind,
    IReadOnlyList<ManifestSource> Sources, IReadOnlyList<ComputedTable> Tables);
