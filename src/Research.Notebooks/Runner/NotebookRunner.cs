using System.Diagnostics;
using System.Text.Json.Nodes;
using Research.IO;

namespace Research.Notebooks.Runner;

/// <summary>
/// Executes a notebook headlessly on the real C# kernel of .NET Interactive (<see cref="KernelSession"/>, in this
/// process): code cells in order, as Jupyter sends them, the parameters cell followed by the
/// injected overrides, outputs captured per cell; writes <c>OUT/NAME.ipynb</c> (nbformat 4.5) and <c>OUT/NAME.html</c>.
/// Cells in another language are kept, not run, and reported. The first failing cell stops the notebook; what
/// ran is still written, with the error as that cell's output.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebook at <paramref name="path"/>; <paramref name="log"/> receives progress lines.</summary>
    public static NotebookRunResult Run(string path, NotebookRunOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var document = NotebookDocument.Read(path);
        if (options.Parameters.Count > 0 && !document.Cells.Any(c => c.Tags.Contains(NotebookParameters.Tag)))
        {
            throw new InputException($"{path}: --param given, but no cell is tagged '{NotebookParameters.Tag}'; the notebook declares no parameters.");
        }
        var clock = Stopwatch.StartNew();
        var state = new RunState(document, options, log);
        string previousDirectory = Environment.CurrentDirectory;
        bool previousInRunner = Kernel.InRunner;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Kernel.InRunner = true;
            foreach (var cell in document.Cells)
            {
                if (state.Failure is not null) { state.Keep(cell); continue; }
                state.Execute(cell);
            }
        }
        finally
        {
            state.Dispose();
            Environment.CurrentDirectory = previousDirectory;
            Kernel.InRunner = previousInRunner;
        }
        Directory.CreateDirectory(options.OutputFolder);
        var executed = ExecutedNotebook(document, state.Cells);
        string ipynb = Path.Combine(options.OutputFolder, document.Name + ".ipynb");
        string html = Path.Combine(options.OutputFolder, document.Name + ".html");
        AtomicFile.WriteAllText(ipynb, executed.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        AtomicFile.WriteAllText(html, HtmlExport.Render(executed, document.Name));
        return new NotebookRunResult(path, ipynb, html, state.CellsRun, state.Skipped, state.Failure, clock.Elapsed);
    }

    private static JsonObject ExecutedNotebook(NotebookDocument document, JsonArray cells)
    {
        var root = (JsonObject)document.Json.DeepClone();
        root["cells"] = cells;
        root["nbformat"] = 4;
        int minor = root["nbformat_minor"] is JsonValue v && v.TryGetValue(out int m) ? m : 0;
        root["nbformat_minor"] = Math.Max(5, minor);
        if (root["metadata"] is not JsonObject) root["metadata"] = new JsonObject();
        return root;
    }

    private sealed class RunState(NotebookDocument document, NotebookRunOptions options, Action<string>? log) : IDisposable
    {
        private readonly KernelSession _kernel = new();
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private int _count;

        public JsonArray Cells { get; } = [];
        public List<string> Skipped { get; } = [];
        public CellFailure? Failure { get; private set; }
        public int CellsRun { get; private set; }

        public void Dispose() => _kernel.Dispose();

        public void Keep(NotebookCell cell) => Cells.Add(Copy(cell, null, []));

        public void Execute(NotebookCell cell)
        {
            if (cell.Kind != CellKind.Code) { Keep(cell); return; }
            string language = CellLanguage.Of(cell);
            if (!CellLanguage.IsCSharp(language))
            {
                string note = $"{document.Path}: cell {cell.Number} is {language}, not C#: skipped (the runner executes C# cells only).";
                Skipped.Add(note);
                log?.Invoke(note);
                Keep(cell);
                return;
            }
            bool isParameters = cell.Tags.Contains(NotebookParameters.Tag);
            var before = isParameters ? _kernel.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal) : [];
            var outputs = RunCell(cell.Number, cell.FirstLine, cell.Source);
            Cells.Add(Copy(cell, _count, outputs));
            if (!isParameters || Failure is not null) return;
            var declared = _kernel.Variables.Where(v => !before.Contains(v.Name)).ToList();
            string? injected = NotebookParameters.Injection(declared, options.Quick, options.Parameters, document.Path);
            if (injected is null) return;
            var injectedOutputs = RunCell(cell.Number, "injected parameters", injected);
            Cells.Add(Injected(injected, _count, injectedOutputs));
        }

        private JsonArray RunCell(int number, string firstLine, string code)
        {
            _count++;
            CellsRun++;
            log?.Invoke($"{document.Path}: cell {number}: {firstLine}");
            _kernel.Outputs.Take();
            _kernel.Outputs.ExecutionCount = _count;
            try
            {
                if (_kernel.Run(code, options.CellTimeout) is { } failure) Failure = new CellFailure(number, firstLine, failure.Name, failure.Message);
            }
            catch (TimeoutException e)
            {
                Failure = new CellFailure(number, firstLine, "Timeout", e.Message);
                _kernel.Outputs.Failure("Timeout", e.Message);
            }
            return _kernel.Outputs.Take();
        }

        private JsonObject Copy(NotebookCell cell, int? executionCount, JsonArray outputs)
        {
            var json = (JsonObject)cell.Json.DeepClone();
            json["id"] = UniqueId(json["id"] is JsonValue v && v.TryGetValue(out string? id) ? id : null, cell.Number);
            json["source"] = NotebookDocument.Lines(cell.Source);
            if (json["metadata"] is not JsonObject) json["metadata"] = new JsonObject();
            if (cell.Kind != CellKind.Code) { json.Remove("outputs"); json.Remove("execution_count"); return json; }
            json["execution_count"] = executionCount;
            json["outputs"] = outputs;
            return json;
        }

        private JsonObject Injected(string source, int executionCount, JsonArray outputs) => new()
        {
            ["cell_type"] = "code",
            ["execution_count"] = executionCount,
            ["id"] = UniqueId("injected-parameters", 0),
            ["metadata"] = new JsonObject
            {
                ["tags"] = new JsonArray(NotebookParameters.InjectedTag),
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            },
            ["outputs"] = outputs,
            ["source"] = NotebookDocument.Lines(source),
        };

        private string UniqueId(string? id, int number)
        {
            string candidate = id is { Length: > 0 and <= 64 } && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_') ? id : $"cell-{number}";
            string unique = candidate;
            for (int k = 2; !_ids.Add(unique); k++) unique = $"{candidate[..Math.Min(candidate.Length, 56)]}-{k}";
            return unique;
        }
    }
}
