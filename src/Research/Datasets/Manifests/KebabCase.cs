using System.Text;

namespace Research.Datasets.Manifests;

/// <summary>Enum names as manifests write them: <c>KaggleDsb</c> is <c>kaggle-dsb</c>, <c>XRay</c> is <c>x-ray</c>.</summary>
public static class KebabCase
{
    /// <summary>The kebab-case spelling of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToString());

    /// <summary>The kebab-case spelling of a PascalCase name.</summary>
    public static string Of(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(pascal[i]));
        }
        return text.ToString();
    }

    /// <summary>Every value of <paramref name="type"/> in kebab-case, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type type) => [.. Enum.GetNames(type).Select(Of)];

    /// <summary>Parses a kebab-case name; null when it is not one of the values.</summary>
    public static object? Parse(Type type, string text)
    {
        foreach (string name in Enum.GetNames(type))
        {
            if (Of(name) == text) return Enum.Parse(type, name);
        }
        return null;
    }

    /// <summary>Parses a kebab-case name of <typeparamref name="T"/>, or throws an <see cref="InputException"/> listing the valid names.</summary>
    public static T Parse<T>(string text, string what) where T : struct, Enum =>
        Parse(typeof(T), text) is T value ? value
            : throw new InputException($"Unknown {what} '{text}'. Valid values: {string.Join(", ", Names(typeof(T)))}.");
}
