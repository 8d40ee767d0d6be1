namespace Research.Datasheets;

/// <summary>The seven sections of a datasheet (Gebru et al., "Datasheets for Datasets", CACM 64(12), 2021), in order.</summary>
public enum DatasheetSection
{
    /// <summary>Why the dataset was created, by whom, who paid.</summary>
    Motivation,

    /// <summary>What the instances are, how many, labels, splits, errors, sensitive content.</summary>
    Composition,

    /// <summary>How the data were acquired, by whom, when, with which consent and review.</summary>
    Collection,

    /// <summary>Preprocessing, cleaning and labelling.</summary>
    Preprocessing,

    /// <summary>Past, possible and inadvisable uses.</summary>
    Uses,

    /// <summary>How, when and under which terms the dataset is distributed.</summary>
    Distribution,

    /// <summary>Who maintains it, errata, updates, contributions.</summary>
    Maintenance,
}

/// <summary>Section titles and the id prefix of their questions.</summary>
public static class DatasheetSections
{
    /// <summary>The heading of <paramref name="section"/> as in the paper.</summary>
    public static string Title(DatasheetSection section) => section switch
    {
        DatasheetSection.Motivation => "Motivation",
        DatasheetSection.Composition => "Composition",
        DatasheetSection.Collection => "Collection process",
        DatasheetSection.Preprocessing => "Preprocessing, cleaning and labelling",
        DatasheetSection.Uses => "Uses",
        DatasheetSection.Distribution => "Distribution",
        DatasheetSection.Maintenance => "Maintenance",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>The prefix of question ids in <paramref name="section"/> (e.g. <c>motivation</c> in <c>motivation-1</c>).</summary>
    public static string Prefix(DatasheetSection section) => section.ToString().ToLowerInvariant();
}
