using System.Text.Json;
using Research.IO;

namespace Research.Augmentation.Random;

/// <summary>
/// The random transforms by name, their option types and the parameters they draw. Unknown names, unknown keys and bad
/// values give an <see cref="InputException"/> that names the offender and lists what is valid.
/// </summary>
public static class TransformRegistry
{
    private static readonly Dictionary<string, (Type Options, string[] Parameters)> Entries = new(StringComparer.Ordinal)
    {
        ["d4"] = (typeof(D4Transform), ["k"]),
        ["rotate"] = (typeof(RotateTransform), ["degrees"]),
        ["affine"] = (typeof(AffineTransform), ["degrees", "scale", "shear", "tx", "ty"]),
        ["elastic"] = (typeof(ElasticTransform), ["alpha", "sigma", "seed"]),
        ["brightness"] = (typeof(BrightnessTransform), ["delta"]),
        ["contrast"] = (typeof(ContrastTransform), ["factor"]),
        ["gamma"] = (typeof(GammaTransform), ["gamma"]),
        ["blur"] = (typeof(BlurTransform), ["sigma"]),
        ["noise"] = (typeof(NoiseTransform), ["sigma", "seed"]),
    };

    private static readonly JsonSerializerOptions Strict = new(Json.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Every registered name, in registry order.</summary>
    public static IReadOnlyList<string> Names => [.. Entries.Keys];

    /// <summary>The parameter names transform <paramref name="name"/> draws.</summary>
    public static IReadOnlyList<string> ParameterNames(string name) =>
        Entries.TryGetValue(name, out var entry) ? entry.Parameters : throw Unknown(name);

    /// <summary>A transform with default options.</summary>
    public static IRandomTransform Create(string name) =>
        (IRandomTransform)Activator.CreateInstance(Entries.TryGetValue(name, out var entry) ? entry.Options : throw Unknown(name))!;

    /// <summary>The error for an unknown name, listing the valid ones.</summary>
    public static InputException Unknown(string? name) =>
        new($"Unknown transform '{name}'; valid transforms: {string.Join(", ", Entries.Keys)}.");

    /// <summary>The option keys a transform accepts in JSON (snake_case), besides "name".</summary>
    public static IReadOnlyList<string> OptionKeys(string name)
    {
        var type = Entries.TryGetValue(name, out var entry) ? entry.Options : throw Unknown(name);
        return [.. type.GetProperties().Where(p => p.CanWrite).Select(p => Json.Options.PropertyNamingPolicy!.ConvertName(p.Name))];
    }

    /// <summary>Reads one transform from its JSON object ({"name": ..., options...}); <paramref name="where"/> locates it in errors.</summary>
    public static IRandomTransform FromJson(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InputException($"{where}: expected an object with a \"name\", got {element.ValueKind}.");
        if (!element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new InputException($"{where}: the key \"name\" is missing or not a string; valid names: {string.Join(", ", Entries.Keys)}.");
        }
        string name = nameElement.GetString()!;
        if (!Entries.TryGetValue(name, out var entry)) throw new InputException($"{where}: {Unknown(name).Message}");
        var keys = OptionKeys(name);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "name" && !keys.Contains(property.Name))
            {
                throw new InputException($"{where} ('{name}'): unknown key \"{property.Name}\"; valid keys: name, {string.Join(", ", keys)}.");
            }
        }
        try
        {
            var transform = (IRandomTransform)element.Deserialize(entry.Options, Strict)!;
            transform.Validate();
            return transform;
        }
        catch (JsonException e)
        {
            throw new InputException($"{where} ('{name}'): invalid value at {e.Path ?? "?"} ({e.Message.Split('.')[0]}); valid keys: name, {string.Join(", ", keys)}.", e);
        }
    }

    /// <summary>Writes one transform as its JSON object with "name" first.</summary>
    public static Dictionary<string, object?> ToJsonObject(IRandomTransform transform)
    {
        var result = new Dictionary<string, object?> { ["name"] = transform.Name };
        foreach (var p in transform.GetType().GetProperties().Where(p => p.CanWrite))
        {
            result[Json.Options.PropertyNamingPolicy!.ConvertName(p.Name)] = p.GetValue(transform);
        }
        return result;
    }
}
