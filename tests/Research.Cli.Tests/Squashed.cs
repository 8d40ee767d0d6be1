namespace Research.Cli.Tests;

/// <summary>Text without white space, for finding a sentence in output the console wrapped at 120 columns (not a terminal).</summary>
internal static class Squashed
{
    public static string Of(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
