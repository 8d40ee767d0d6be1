using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting.TabularData;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Research.Notebooks.Runner;

/// <summary>
/// The C# kernel of .NET Interactive, hosted in this process as the kernel tool (Microsoft.dotnet-interactive
/// 1.0.712001) hosts it for Jupyter: a <see cref="CompositeKernel"/> with a <see cref="CSharpKernel"/> that has
/// <c>#r "nuget:"</c>, the kernel helpers (<c>display</c>, <c>HTML</c> ...), <c>#!who</c>, value sharing and <c>#!import</c>,
/// and the formatter defaults of a browser front end. The tool's own extras (<c>#!time</c>, <c>#!about</c>, <c>#!lsmagic</c>,
/// telemetry) live in its application, not in the libraries, and are absent here. So <c>#r</c>, formatters
/// and magic commands behave as in Jupyter. Cells run one at a time; their events become nbformat outputs in
/// <see cref="Outputs"/>.
/// </summary>
public sealed class KernelSession : IDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;
    private readonly IDisposable _subscription;

    /// <summary>Creates the kernel (the C# compiler warms up on the first cell).</summary>
    public KernelSession()
    {
        _csharp = new CSharpKernel().UseKernelHelpers().UseWho().UseValueSharing();
        // #r "nuget:" as the tool wires it: restored packages' assemblies become references of the C# kernel.
        _csharp.UseNugetDirective((kernel, packages) =>
        {
            kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
            return Task.CompletedTask;
        }, forceRestore: false);
        _kernel = new CompositeKernel();
        _kernel.Add(_csharp, ["c#", "C#"]);
        _kernel.Add(new HtmlKernel());
        _kernel.UseImportMagicCommand();
        _kernel.DefaultKernelName = _csharp.Name;
        // As the kernel tool does for a browser front end (Jupyter): HTML unless a type prefers otherwise.
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(TabularDataResource), HtmlFormatter.MimeType, "text/csv");
        _subscription = _kernel.KernelEvents.Subscribe(new EventObserver(this));
    }

    /// <summary>Where the running cell's outputs go.</summary>
    public CellOutputs Outputs { get; } = new();

    /// <summary>The variables the C# kernel holds (last definition of each name wins).</summary>
    public IReadOnlyList<DeclaredParameter> Variables =>
        _csharp.ScriptState is { } state
            ? [.. state.Variables.GroupBy(v => v.Name).Select(g => new DeclaredParameter(g.Key, g.Last().Type))]
            : [];

    /// <summary>
    /// Submits <paramref name="code"/> to the kernel as Jupyter does; returns null when it succeeded, else why it failed
    /// (exception type name, message). Throws <see cref="TimeoutException"/> when the cell is still running after
    /// <paramref name="timeout"/>: the kernel is then told to cancel, and the session must not be used again.
    /// </summary>
    public (string Name, string Message)? Run(string code, TimeSpan timeout)
    {
        var submission = _kernel.SendAsync(new SubmitCode(code));
        if (!submission.Wait(timeout))
        {
            _ = _kernel.SendAsync(new Cancel());
            throw new TimeoutException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the cell did not finish within {timeout.TotalSeconds:0.###} s (--timeout)."));
        }
        var failed = submission.Result.Events.OfType<CommandFailed>().LastOrDefault(f => f.Command is SubmitCode);
        if (failed is null) return null;
        var errors = submission.Result.Events.OfType<DiagnosticsProduced>()
            .SelectMany(d => d.Diagnostics).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return failed.Exception switch
        {
            null when errors.Count > 0 => ("CompilationError", string.Join("\n", errors)),
            null => ("Error", failed.Message),
            CodeSubmissionCompilationErrorException => ("CompilationError", errors.Count > 0 ? string.Join("\n", errors) : failed.Message),
            var e => (e.GetType().Name, e.Message),
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription.Dispose();
        _kernel.Dispose();
    }

    private sealed class EventObserver(KernelSession session) : IObserver<KernelEvent>
    {
        public void OnNext(KernelEvent value)
        {
            var outputs = session.Outputs;
            switch (value)
            {
                case StandardOutputValueProduced o: outputs.Stream("stdout", Text(o)); break;
                case StandardErrorValueProduced e: outputs.Stream("stderr", Text(e)); break;
                case ReturnValueProduced r: outputs.Result(Data(r)); break;
                case DisplayedValueUpdated u: outputs.Update(u.ValueId, Data(u)); break;
                case DisplayedValueProduced d: outputs.Display(d.ValueId, Data(d)); break;
                case ErrorProduced e: outputs.Stream("stderr", e.Message + "\n"); break;
                case CommandFailed f when f.Command is SubmitCode: outputs.Failure(f.Exception, f.Message); break;
                case DiagnosticsProduced d:
                    foreach (var line in d.Diagnostics.Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) outputs.Stream("stderr", line + "\n");
                    break;
            }
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }

        private static string Text(DisplayEvent e) => e.FormattedValues.FirstOrDefault()?.Value ?? "";

        private static IReadOnlyList<(string Mime, string Value)> Data(DisplayEvent e) =>
            [.. e.FormattedValues.Where(v => !v.SuppressDisplay).Select(v => (v.MimeType, v.Value))];
    }
}
