using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace Research.Torch.Tests.Runtime;

/// <summary>
/// Reads TorchSharp's IL to tell whether a method (or what it calls inside TorchSharp, a few levels deep) creates a
/// <see cref="Scalar"/> by implicit conversion or <c>ToScalar</c>: such a Scalar is unreachable during the native call
/// that uses it (see <c>Research.Torch.Runtime.GcSafe</c>).
/// </summary>
internal static class ScalarCreation
{
    private static readonly Assembly TorchSharpAssembly = typeof(Scalar).Assembly;
    private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);
    private static readonly Dictionary<(MethodBase, int), string?> Cache = [];

    /// <summary>The TorchSharp method of <paramref name="type"/> named <paramref name="name"/> with these parameter type names.</summary>
    public static MethodBase? Find(Type type, string name, IReadOnlyList<string> parameterTypes)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        IEnumerable<MethodBase> candidates = name == ".ctor" ? type.GetConstructors(all) : type.GetMethods(all).Where(m => m.Name == name);
        return candidates.FirstOrDefault(m => m.GetParameters().Select(p => p.ParameterType.Name).SequenceEqual(parameterTypes));
    }

    /// <summary>How <paramref name="method"/> creates a Scalar ("elu(Double) -> op_Implicit"), or null when it does not within <paramref name="depth"/> calls.</summary>
    public static string? Path(MethodBase method, int depth)
    {
        if (Cache.TryGetValue((method, depth), out var known)) return known;
        Cache[(method, depth)] = null; // recursion guard
        string? found = null;
        foreach (var callee in Callees(method))
        {
            if (IsScalarFactory(callee)) { found = $"{Describe(method)} -> {callee.Name}"; break; }
            if (depth > 0 && callee.Module.Assembly == TorchSharpAssembly && Path(callee, depth - 1) is { } deeper)
            {
                found = $"{Describe(method)} -> {deeper}";
                break;
            }
        }
        Cache[(method, depth)] = found;
        return found;
    }

    private static bool IsScalarFactory(MethodBase m) =>
        (m.DeclaringType == typeof(Scalar) && m.Name == "op_Implicit") || (m.DeclaringType == typeof(ScalarExtensionMethods) && m.Name == "ToScalar");

    private static string Describe(MethodBase m) => $"{m.DeclaringType?.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (InvalidOperationException) { il = null; }
        if (il is null) yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            ushort code = il[i] == 0xFE ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var operand = Operands[code];
            if (operand == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try { callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments); }
                catch (ArgumentException) { }
                if (callee is not null) yield return callee;
            }
            i += operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }
}
