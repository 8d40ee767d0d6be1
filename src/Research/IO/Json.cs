using System.Text.Json;
using System.Text.Json.Serialization;

namespace Research.IO;

/// <summary>The JSON conventions of every file this project writes: snake_case keys, indented, enums as strings.</summary>
public static class Json
{
    /// <summary>Serializer options shared by all outputs.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises <paramref name="value"/> to <paramref name="path"/> atomically (UTF-8, trailing newline).</summary>
    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");

    /// <summary>Serialises <paramref name="value"/> to a string with the project's conventions.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
