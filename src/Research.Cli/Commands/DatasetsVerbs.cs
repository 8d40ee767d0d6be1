using System.CommandLine;
using System.Globalization;
using Research.Datasets;
using Research.Datasets.Manifests;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research datasets list</c> and <c>show ID</c>.</summary>
public static class DatasetsVerbs
{
    /// <summary><c>--manifests DIR</c>, shared by the dataset verbs.</summary>
    public static readonly Option<string?> Manifests = new("--manifests") { Description = "Folder of the dataset manifests (default: data-manifests beside the program, else in the repository).", Recursive = true };

    /// <summary>Loads the manifests named by <c>--manifests</c> (or the default folder).</summary>
    public static ManifestRegistry Registry(ParseResult parse) => ManifestRegistry.Load(parse.GetValue(Manifests));

    /// <summary><c>list [--root DIR]</c>.</summary>
    public static Command CreateList(CliContext context)
    {
        var root = new Option<string?>("--root") { Description = $"Data root: a dataset ID is found when ROOT/ID exists (default: ${DatasetLocations.Variable}, else ./data)." };
        var json = TableOutput.JsonOption;
        var command = new Command("list", "Table of the datasets with a manifest: id, task, modality, licence, size, found locally (tab-separated when piped; --json).") { root, json };
        command.SetAction(parse =>
        {
            var registry = Registry(parse);
            string dataRoot = DatasetLocations.DataRoot(parse.GetValue(root));
            var table = new TableOutput("id", "tasks", "modality", "licence", "size", "local");
            foreach (DatasetManifest m in registry.All)
            {
                string? found = DatasetLocations.Find(m, dataRoot);
                string licence = m.Licence.Display + (m.IsUnverified(ManifestField.Licence) ? " (unverified)" : "");
                table.Add(m.Id, new Cell(m.Tasks.Select(KebabCase.Of).ToArray()), KebabCase.Of(m.Modality), licence,
                    new Cell(new SizeJson(m.ExpectedImages, m.DownloadSizeMb), Size(m)), new Cell(found, found is null ? "no" : "yes"));
            }
            table.Write(context, parse.GetValue(json), $"{registry.All.Count} datasets; manifests in {registry.Folder}; local copies looked for in {dataRoot}/ID");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The size column in <c>--json</c>.</summary>
    /// <param name="Images">Images over all splits with a count; null when unknown.</param>
    /// <param name="DownloadMb">The download size in MB; null when unknown.</param>
    private sealed record SizeJson(int? Images, double? DownloadMb);

    /// <summary>The size column: images over all splits with a count, and the download size when known.</summary>
    public static string Size(DatasetManifest m)
    {
        string images = m.ExpectedImages is int n ? n.ToString("N0", CultureInfo.InvariantCulture) + " images" : "? images";
        return m.DownloadSizeMb is double mb ? $"{images}, {mb.ToString("0.#", CultureInfo.InvariantCulture)} MB" : images;
    }

    /// <summary><c>show ID</c>.</summary>
    public static Command CreateShow(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Dataset id (see 'research datasets list')." };
        var json = new Option<bool>("--json") { Description = "Print the manifest as JSON instead of the summary." };
        var command = new Command("show", "Summary, citation, licence, layout and how to obtain one dataset.") { id, json };
        command.SetAction(parse =>
        {
            DatasetManifest m = Registry(parse).Get(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Research.IO.Json.Serialize(m));
                return ExitCodes.Ok;
            }
            var c = context.Console;
            c.WriteLine($"{m.Id}: {m.Name} ({m.Version})");
            c.WriteLine(m.Summary);
            c.WriteLine();
            c.WriteLine($"Homepage:  {m.Homepage}");
            c.WriteLine($"Licence:   {m.Licence.Display}: {m.Licence.Terms}");
            c.WriteLine($"Modality:  {KebabCase.Of(m.Modality)}; {m.Organism}; {m.Tissue}");
            c.WriteLine($"Tasks:     {string.Join(", ", m.Tasks.Select(KebabCase.Of))}");
            c.WriteLine($"Layout:    {KebabCase.Of(m.Layout.Kind)}; masks {KebabCase.Of(m.Masks.Encoding)} {m.Masks.Format}");
            foreach (SplitSpec s in m.Splits)
            {
                c.WriteLine($"Split:     {s.Name} in {s.Folder}: {s.Images?.ToString(CultureInfo.InvariantCulture) ?? "?"} images, {s.Objects?.ToString(CultureInfo.InvariantCulture) ?? "?"} objects{(s.Annotated ? "" : ", no truth")}{(s.Unverified ? " (counts unverified)" : "")}");
            }
            if (m.Unverified.Count > 0) c.WriteLine($"Unverified: {string.Join(", ", m.Unverified.Select(KebabCase.Of))}");
            c.WriteLine();
            c.WriteLine("Cite:");
            foreach (Citation citation in m.Citations) c.WriteLine(citation.Bibtex.TrimEnd());
            c.WriteLine();
            WriteObtain(c, m);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteObtain(IAnsiConsole c, DatasetManifest m)
    {
        c.WriteLine("How to obtain:");
        foreach (DirectDownload d in m.Obtain.Direct)
        {
            string to = d.To ?? (Research.Datasets.Download.ArchiveLayout.IsArchive(d.File) ? "." : d.File);
            string masks = d.RleMasksInto is null ? "" : $", decoded into per-object masks of {d.RleMasksInto}";
            c.WriteLine($"  download {d.Url} (documented at {d.Page}) -> {to}{masks} (SHA-256 {(d.Sha256.Length > 0 ? d.Sha256 : "not published: trusted on first use")})");
        }
        for (int i = 0; i < m.Obtain.Manual.Count; i++) c.WriteLine($"  {i + 1}. {m.Obtain.Manual[i]}");
    }
}
