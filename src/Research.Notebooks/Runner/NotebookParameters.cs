using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Research.Notebooks.Runner;

/// <summary>A variable the <c>parameters</c> cell declares.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its declared type.</param>
public sealed record DeclaredParameter(string Name, Type Type);

/// <summary>
/// Papermill's convention in C#: the cell tagged <c>parameters</c> declares variables with defaults; the runner
/// runs it, then a cell tagged <c>injected-parameters</c> that assigns the overrides. <c>--quick</c> sets
/// <c>quick = true</c> when the notebook declares <c>quick</c>; <c>--param name=value</c> is parsed by the declared type.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The tag of the parameters cell.</summary>
    public const string Tag = "parameters";

    /// <summary>The tag of the injected cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>
    /// The source of the injected cell, or null when nothing is overridden. An unknown name or a value that does not
    /// parse as the declared type throws <see cref="InputException"/> listing the declared parameters.
    /// </summary>
    public static string? Injection(IReadOnlyList<DeclaredParameter> declared, bool quick, IReadOnlyDictionary<string, string> values, string where)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(values);
        var lines = new List<string>();
        var byName = declared.ToDictionary(d => d.Name, StringComparer.Ordinal);
        if (quick && byName.TryGetValue("quick", out var q) && q.Type == typeof(bool) && !values.ContainsKey("quick")) lines.Add("quick = true;");
        foreach (var (name, text) in values)
        {
            if (!byName.TryGetValue(name, out var parameter))
            {
                throw new InputException($"{where}: unknown parameter '{name}'; the parameters cell declares: {Describe(declared)}.");
            }
            lines.Add($"{name} = {Literal(parameter, text, where)};");
        }
        return lines.Count == 0 ? null : "// Parameters injected by research notebooks run\n" + string.Join('\n', lines);
    }

    /// <summary>"name (type), ..." or "nothing".</summary>
    public static string Describe(IReadOnlyList<DeclaredParameter> declared) =>
        declared.Count == 0 ? "nothing" : string.Join(", ", declared.Select(d => $"{d.Name} ({d.Type.Name})"));

    /// <summary>The C# literal of <paramref name="text"/> as the parameter's type.</summary>
    public static string Literal(DeclaredParameter parameter, string text, string where)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var c = CultureInfo.InvariantCulture;
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        try
        {
            if (type == typeof(string)) return SymbolDisplay.FormatLiteral(text, quote: true);
            if (type == typeof(bool)) return bool.Parse(text) ? "true" : "false";
            if (type == typeof(int)) return int.Parse(text, NumberStyles.Integer, c).ToString(c);
            if (type == typeof(long)) return long.Parse(text, NumberStyles.Integer, c).ToString(c) + "L";
            if (type == typeof(ulong)) return ulong.Parse(text, NumberStyles.Integer, c).ToString(c) + "UL";
            if (type == typeof(double)) return Real(double.Parse(text, NumberStyles.Float, c));
            if (type == typeof(float)) return float.Parse(text, NumberStyles.Float, c).ToString("R", c) + "f";
            if (type.IsEnum) return "global::" + type.FullName!.Replace('+', '.') + "." + Enum.Parse(type, text, ignoreCase: true);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InputException($"{where}: parameter {parameter.Name}: '{text}' is not a valid {type.Name}" +
                (type.IsEnum ? $" (one of {string.Join(", ", Enum.GetNames(type))})." : "."), e);
        }
        throw new InputException($"{where}: parameter {parameter.Name} has type {type.Name}, which --param cannot set; use bool, int, long, ulong, double, float, string or an enum.");
    }

    private static string Real(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsInfinity(value)) return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
