using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Research.Notebooks.Runner;

/// <summary>
/// Runs C# cells one after another in one Roslyn script state (variables, usings and types carry over, top-level
/// await works), with console output and <c>display</c> going to <see cref="Outputs"/>. A cell runs on its own
/// thread so that a time limit can stop waiting for it; a cell that times out is abandoned (scripts cannot be
/// aborted), so the executor must not be used afterwards.
/// </summary>
public sealed class CellExecutor
{
    /// <summary>The namespaces imported in every notebook, as in the .NET Interactive C# kernel.</summary>
    public static readonly IReadOnlyList<string> Imports = ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    private readonly ScriptOptions _options;
    private readonly ScriptGlobals _globals;
    private ScriptState<object>? _state;

    /// <summary>Creates an executor whose scripts see the project's assemblies and packages.</summary>
    public CellExecutor()
    {
        Outputs = new CellOutputs();
        _globals = new ScriptGlobals(Outputs);
        _options = ScriptOptions.Default
            .WithReferences(ScriptReferences.All)
            .WithImports(Imports)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(false);
    }

    /// <summary>Where the running cell's outputs go.</summary>
    public CellOutputs Outputs { get; }

    /// <summary>The variables defined so far (last definition of each name wins).</summary>
    public IReadOnlyList<DeclaredParameter> Variables =>
        _state is null ? [] : [.. _state.Variables.GroupBy(v => v.Name).Select(g => new DeclaredParameter(g.Key, g.Last().Type))];

    /// <summary>
    /// Runs <paramref name="code"/>; its value (when the cell ends in an expression) is returned. Throws
    /// <see cref="CompilationErrorException"/>, the cell's own exception, or <see cref="TimeoutException"/>.
    /// </summary>
    public object? Run(string code, TimeSpan timeout)
    {
        var previousOut = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(Outputs.Out);
        Console.SetError(Outputs.Error);
        try
        {
            var task = Task.Factory.StartNew(() => _state is null
                    ? CSharpScript.RunAsync(code, _options, _globals, typeof(ScriptGlobals))
                    : _state.ContinueWithAsync(code, _options),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            if (!task.Wait(timeout))
            {
                throw new TimeoutException($"the cell did not finish within {timeout.TotalSeconds:0.###} s (--timeout).");
            }
            _state = task.GetAwaiter().GetResult();
            return _state.ReturnValue;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
