using static Research.Datasheets.ComputedTable;
using static Research.Datasheets.DatasheetSection;
using static Research.Datasheets.ManifestSource;

namespace Research.Datasheets;

/// <summary>
/// Every question of Gebru et al., "Datasheets for Datasets" (Communications of the ACM 64(12), 2021; arXiv:1803.09010
/// v8), in the paper's order and wording (shortened where the paper adds examples), 59 questions in seven sections,
/// each "Any other comments?" included. Ids are <c>section-number</c>.
/// </summary>
public static class DatasheetQuestions
{
    /// <summary>All questions, in order.</summary>
    public static IReadOnlyList<DatasheetQuestion> All { get; } = Build();

    /// <summary>The question with <paramref name="id"/>; an unknown id lists the valid ones of its section.</summary>
    public static DatasheetQuestion Get(string id) =>
        All.FirstOrDefault(q => q.Id == id) ?? throw new InputException(
            $"'{id}' is not a datasheet question id. Valid ids: {string.Join(", ", All.Select(q => q.Id))}.");

    /// <summary>The questions of <paramref name="section"/>, in order.</summary>
    public static IEnumerable<DatasheetQuestion> Of(DatasheetSection section) => All.Where(q => q.Section == section);

    private static List<DatasheetQuestion> Build()
    {
        var list = new List<DatasheetQuestion>();
        void Add(DatasheetSection section, string text, ManifestSource[]? sources = null, ComputedTable[]? tables = null)
        {
            int number = list.Count(q => q.Section == section) + 1;
            list.Add(new DatasheetQuestion($"{DatasheetSections.Prefix(section)}-{number}", section, text,
                tables is { Length: > 0 } ? AnswerKind.Computed : AnswerKind.PeopleWritten, sources ?? [], tables ?? []));
        }
        const string Other = "Any other comments?";

        Add(DatasheetSection.Motivation, "For what purpose was the dataset created? Was there a specific task in mind? Was there a specific gap that needed to be filled?", [ManifestSource.Motivation]);
        Add(DatasheetSection.Motivation, "Who created the dataset (e.g., which team, research group) and on behalf of which entity (e.g., company, institution, organization)?", [Citations]);
        Add(DatasheetSection.Motivation, "Who funded the creation of the dataset? If there is an associated grant, please provide the name of the grantor and the grant name and number.");
        Add(DatasheetSection.Motivation, Other);

        Add(DatasheetSection.Composition, "What do the instances that comprise the dataset represent (e.g., documents, photos, people, countries)? Are there multiple types of instances?", [Subject]);
        Add(DatasheetSection.Composition, "How many instances are there in total (of each type, if appropriate)?", [Splits], [Counts]);
        Add(DatasheetSection.Composition, "Does the dataset contain all possible instances or is it a sample (not necessarily random) of instances from a larger set? If it is a sample, what is the larger set, and is the sample representative of it?");
        Add(DatasheetSection.Composition, "What data does each instance consist of? \"Raw\" data (e.g., unprocessed text or images) or features?", [Masks], [ImageFormat]);
        Add(DatasheetSection.Composition, "Is there a label or target associated with each instance?", [Masks, Tasks], [Objects]);
        Add(DatasheetSection.Composition, "Is any information missing from individual instances? If so, please provide a description, explaining why this information is missing.", [], [Missing]);
        Add(DatasheetSection.Composition, "Are relationships between individual instances made explicit (e.g., users' movie ratings, social network links)?");
        Add(DatasheetSection.Composition, "Are there recommended data splits (e.g., training, development/validation, testing)? If so, please provide a description of these splits, explaining the rationale behind them.", [Splits]);
        Add(DatasheetSection.Composition, "Are there any errors, sources of noise, or redundancies in the dataset? If so, please provide a description.", [], [Problems]);
        Add(DatasheetSection.Composition, "Is the dataset self-contained, or does it link to or otherwise rely on external resources (e.g., websites, tweets, other datasets)?");
        Add(DatasheetSection.Composition, "Does the dataset contain data that might be considered confidential (e.g., data that is protected by legal privilege or by doctor-patient confidentiality, data that includes the content of individuals' non-public communications)?");
        Add(DatasheetSection.Composition, "Does the dataset contain data that, if viewed directly, might be offensive, insulting, threatening, or might otherwise cause anxiety?");
        Add(DatasheetSection.Composition, "Does the dataset relate to people? If not, you may skip the remaining questions in this section.");
        Add(DatasheetSection.Composition, "Does the dataset identify any subpopulations (e.g., by age, gender)? If so, how are they identified and what are their distributions?");
        Add(DatasheetSection.Composition, "Is it possible to identify individuals (i.e., one or more natural persons), either directly or indirectly (i.e., in combination with other data) from the dataset?");
        Add(DatasheetSection.Composition, "Does the dataset contain data that might be considered sensitive in any way (e.g., data that reveals race or ethnic origins, religious beliefs, health data, biometric or genetic data)?");
        Add(DatasheetSection.Composition, Other);

        Add(DatasheetSection.Collection, "How was the data associated with each instance acquired? Was the data directly observable, reported by subjects, or indirectly inferred or derived from other data?", [ManifestSource.Collection]);
        Add(DatasheetSection.Collection, "What mechanisms or procedures were used to collect the data (e.g., hardware apparatuses or sensors, manual human curation, software programs, software APIs)? How were these mechanisms or procedures validated?");
        Add(DatasheetSection.Collection, "If the dataset is a sample from a larger set, what was the sampling strategy (e.g., deterministic, probabilistic with specific sampling probabilities)?");
        Add(DatasheetSection.Collection, "Who was involved in the data collection process (e.g., students, crowdworkers, contractors) and how were they compensated?");
        Add(DatasheetSection.Collection, "Over what timeframe was the data collected? Does this timeframe match the creation timeframe of the data associated with the instances?");
        Add(DatasheetSection.Collection, "Were any ethical review processes conducted (e.g., by an institutional review board)? If so, please provide a description of these review processes.");
        Add(DatasheetSection.Collection, "Does the dataset relate to people? If not, you may skip the remaining questions in this section.");
        Add(DatasheetSection.Collection, "Did you collect the data from the individuals in question directly, or obtain it via third parties or other sources (e.g., websites)?");
        Add(DatasheetSection.Collection, "Were the individuals in question notified about the data collection?");
        Add(DatasheetSection.Collection, "Did the individuals in question consent to the collection and use of their data?");
        Add(DatasheetSection.Collection, "If consent was obtained, were the consenting individuals provided with a mechanism to revoke their consent in the future or for certain uses?");
        Add(DatasheetSection.Collection, "Has an analysis of the potential impact of the dataset and its use on data subjects (e.g., a data protection impact analysis) been conducted?");
        Add(DatasheetSection.Collection, Other);

        Add(DatasheetSection.Preprocessing, "Was any preprocessing/cleaning/labeling of the data done (e.g., discretization or bucketing, tokenization, part-of-speech tagging, SIFT feature extraction, removal of instances, processing of missing values)?", [ManifestSource.Preprocessing]);
        Add(DatasheetSection.Preprocessing, "Was the \"raw\" data saved in addition to the preprocessed/cleaned/labeled data (e.g., to support unanticipated future uses)?");
        Add(DatasheetSection.Preprocessing, "Is the software that was used to preprocess/clean/label the data available?");
        Add(DatasheetSection.Preprocessing, Other);

        Add(DatasheetSection.Uses, "Has the dataset been used for any tasks already? If so, please provide a description.");
        Add(DatasheetSection.Uses, "Is there a repository that links to any or all papers or systems that use the dataset?");
        Add(DatasheetSection.Uses, "What (other) tasks could the dataset be used for?", [ManifestSource.Uses, Tasks]);
        Add(DatasheetSection.Uses, "Is there anything about the composition of the dataset or the way it was collected and preprocessed/cleaned/labeled that might impact future uses (e.g., unfair treatment of individuals or groups, legal or financial risks)? Is there anything a dataset consumer could do to mitigate these risks or harms?");
        Add(DatasheetSection.Uses, "Are there tasks for which the dataset should not be used?");
        Add(DatasheetSection.Uses, Other);

        Add(DatasheetSection.Distribution, "Will the dataset be distributed to third parties outside of the entity (e.g., company, institution, organization) on behalf of which the dataset was created?");
        Add(DatasheetSection.Distribution, "How will the dataset be distributed (e.g., tarball on website, API, GitHub)? Does the dataset have a digital object identifier (DOI)?", [ManifestSource.Distribution, Access]);
        Add(DatasheetSection.Distribution, "When will the dataset be distributed?", [ManifestSource.Version]);
        Add(DatasheetSection.Distribution, "Will the dataset be distributed under a copyright or other intellectual property (IP) license, and/or under applicable terms of use (ToU)?", [Licence]);
        Add(DatasheetSection.Distribution, "Have any third parties imposed IP-based or other restrictions on the data associated with the instances?");
        Add(DatasheetSection.Distribution, "Do any export controls or other regulatory restrictions apply to the dataset or to individual instances?");
        Add(DatasheetSection.Distribution, Other);

        Add(DatasheetSection.Maintenance, "Who will be supporting/hosting/maintaining the dataset?", [ManifestSource.Maintenance]);
        Add(DatasheetSection.Maintenance, "How can the owner/curator/manager of the dataset be contacted (e.g., email address)?", [Access]);
        Add(DatasheetSection.Maintenance, "Is there an erratum? If so, please provide a link or other access point.");
        Add(DatasheetSection.Maintenance, "Will the dataset be updated (e.g., to correct labeling errors, add new instances, delete instances)? If so, how often, by whom, and how will updates be communicated to dataset consumers?");
        Add(DatasheetSection.Maintenance, "If the dataset relates to people, are there applicable limits on the retention of the data associated with the instances (e.g., were the individuals in question told that their data would be retained for a fixed period of time and then deleted)?");
        Add(DatasheetSection.Maintenance, "Will older versions of the dataset continue to be supported/hosted/maintained?");
        Add(DatasheetSection.Maintenance, "If others want to extend/augment/build on/contribute to the dataset, is there a mechanism for them to do so?");
        Add(DatasheetSection.Maintenance, Other);
        return list;
    }
}
