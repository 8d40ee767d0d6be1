using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Research.Torch.Tests.Runtime;

/// <summary>
/// Keeps Research.Torch free of the TorchSharp forms that create a <c>Scalar</c> nobody holds during the native call
/// (the collection race described in <c>Research.Torch.Runtime.GcSafe</c>): the library's sources are compiled with
/// Roslyn; every implicit conversion to Scalar, and every call into TorchSharp whose IL creates one (followed a few
/// calls deep, including the forward or step of a module or optimiser created here), is reported with file and line.
/// </summary>
public sealed class ScalarSafetyTests
{
    // How deep inside TorchSharp a call is followed: ELU's forward reaches its Scalars at depth 2.
    private const int Depth = 3;

    [Fact]
    public void Research_torch_creates_no_unheld_scalar()
    {
        var (compilation, trees) = Compile();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        Assert.True(errors.Count == 0, "the library sources did not compile for the check: " + string.Join("; ", errors));
        var problems = trees.SelectMany(tree => Problems(compilation, tree)).Distinct().ToList();
        Assert.True(problems.Count == 0, "hold every Scalar in a local (see GcSafe):\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_check_reports_each_unsafe_form()
    {
        const string unsafeCode = """
            using TorchSharp;
            using static TorchSharp.torch;
            static class Sample
            {
                static Tensor Scale(Tensor x) => x * 2.0;
                static Tensor Sum(Tensor a, Tensor b) => a + b;
                static Tensor Alpha(Tensor a, Tensor b) => a.add_(b);
                static nn.Module<Tensor, Tensor> Activation() => nn.ELU();
                static void Optimiser(nn.Module m) => optim.Adam(m.parameters());
                static Tensor Argument(Tensor a, Tensor b) => a.add(b, 0.5);
                static Tensor Shift(Tensor a) { using var s = 1.0.ToScalar(); return a.add_(s); }
                static Tensor Held(Tensor x) { using var two = 2.0.ToScalar(); using var one = 1.ToScalar(); return x.mul(two).add_(x, one); }
                static Tensor Audited(Tensor x) => nn.ReLU().call(x);
            }
            """;
        var (compilation, _) = Compile(CSharpSyntaxTree.ParseText(unsafeCode, path: "Sample.cs"));
        var found = Problems(compilation, compilation.SyntaxTrees.Single(t => t.FilePath == "Sample.cs"))
            .Select(p => int.Parse(p.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal([5, 6, 7, 8, 9, 10, 11], found);
    }

    private static IEnumerable<string> Problems(Compilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        var roots = tree.GetRoot().DescendantNodes().Select(n => model.GetOperation(n)).Where(o => o is { Parent: null });
        foreach (var operation in roots.SelectMany(r => r!.DescendantsAndSelf()))
        {
            string? problem = operation switch
            {
                IConversionOperation { IsImplicit: true, OperatorMethod: { } m } when IsScalar(m.ContainingType) => $"implicit conversion of '{operation.Syntax}' to Scalar",
                IArgumentOperation { InConversion: { IsUserDefined: true, MethodSymbol: { } m } } when IsScalar(m.ContainingType) => $"implicit conversion of '{operation.Syntax}' to Scalar",
                IInvocationOperation { Syntax: ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax } call
                    => Check(call.TargetMethod, operation.Syntax, Declared(model, operation.Syntax)),
                IInvocationOperation call => Check(call.TargetMethod, operation.Syntax),
                IBinaryOperation { OperatorMethod: { } m } => Check(m, operation.Syntax),
                ICompoundAssignmentOperation { OperatorMethod: { } m } => Check(m, operation.Syntax),
                IObjectCreationOperation { Constructor: { } m } => Check(m, operation.Syntax),
                _ => null,
            };
            if (problem is not null) yield return $"{Path.GetFileName(tree.FilePath)}:{tree.GetLineSpan(operation.Syntax.Span).StartLinePosition.Line + 1}: {problem}";
        }
    }

    private static bool IsScalar(INamedTypeSymbol type) => type.Name == "Scalar" && type.ContainingNamespace.Name == "TorchSharp";

    // The methods a class declares: its own forward or step replaces the TorchSharp base class's.
    private static HashSet<string> Declared(SemanticModel model, SyntaxNode node) =>
        model.GetEnclosingSymbol(node.SpanStart) is { } symbol && (symbol as INamedTypeSymbol ?? symbol.ContainingType) is { } type
            ? type.GetMembers().Select(m => m.Name).ToHashSet()
            : [];

    private static string? Check(IMethodSymbol method, SyntaxNode node, HashSet<string>? overridden = null)
    {
        if (!IsTorchSharp(method.ContainingAssembly) || Reflect(method.OriginalDefinition) is not { } called) return null;
        if (ScalarCreation.Path(called, Depth) is { } path) return $"'{node}' creates a Scalar inside TorchSharp: {path}";
        // A TorchSharp module or optimiser created here runs its forward or step later: check those too.
        var created = method.MethodKind == MethodKind.Constructor ? called.DeclaringType : (called as System.Reflection.MethodInfo)?.ReturnType;
        if (created is null || created.Assembly != typeof(TorchSharp.Scalar).Assembly) return null;
        foreach (var later in created.GetMethods().Where(m => m.Name is "forward" or "step" && !m.IsAbstract && overridden?.Contains(m.Name) != true))
            if (ScalarCreation.Path(later, Depth) is { } laterPath) return $"'{node}' creates a {created.Name}, whose {later.Name} creates a Scalar: {laterPath}";
        return null;
    }

    private static System.Reflection.MethodBase? Reflect(IMethodSymbol method)
    {
        var type = ReflectType(method.ContainingType);
        if (type is null) return null;
        var parameters = method.Parameters.Select(p => TypeName(p.Type) + (p.RefKind == RefKind.None ? "" : "&")).ToList();
        return ScalarCreation.Find(type, method.MethodKind == MethodKind.Constructor ? ".ctor" : method.MetadataName, parameters);
    }

    private static Type? ReflectType(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (var t = type.OriginalDefinition; t is not null; t = t.ContainingType) names.Insert(0, t.MetadataName);
        string ns = type.ContainingNamespace.ToDisplayString();
        return typeof(TorchSharp.Scalar).Assembly.GetType($"{ns}.{string.Join('+', names)}");
    }

    private static string TypeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => TypeName(array.ElementType) + (array.Rank == 1 ? "[]" : $"[{new string(',', array.Rank - 1)}]"),
        IPointerTypeSymbol pointer => TypeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };

    private static bool IsTorchSharp(IAssemblySymbol? assembly) => assembly?.Name == "TorchSharp";

    private static (CSharpCompilation, List<SyntaxTree>) Compile(params SyntaxTree[] extra)
    {
        string source = Path.Combine(TestSupport.Repository.Root(), "src", "Research.Torch");
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, options, "GlobalUsings.cs"))
            .Concat(extra)
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("Research.Torch", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName).Select(g => MetadataReference.CreateFromFile(g.First()));
        var compilation = CSharpCompilation.Create("ScalarSafetyCheck", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        return (compilation, trees);
    }

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;
}
