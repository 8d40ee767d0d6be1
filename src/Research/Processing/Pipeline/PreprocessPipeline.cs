using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Processing.Pipeline;

/// <summary>
/// An ordered list of preprocessing steps, serialisable as {"steps": [{"name": "resize", "width": 256, ...}, ...]}.
/// Errors name the step's position, its name and the bad key, and list the valid names or keys.
/// </summary>
public sealed class PreprocessPipeline
{
    private static readonly Dictionary<string, Type> Registry = new(StringComparer.Ordinal)
    {
        ["grey"] = typeof(GreyStep),
        ["resize"] = typeof(ResizeStep),
        ["clahe"] = typeof(ClaheStep),
        ["gamma"] = typeof(GammaStep),
        ["normalize"] = typeof(NormalizeStep),
        ["pad"] = typeof(PadStep),
    };

    /// <summary>Creates the pipeline.</summary>
    public PreprocessPipeline(IReadOnlyList<IPreprocessStep> steps) => Steps = steps ?? throw new ArgumentNullException(nameof(steps));

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<IPreprocessStep> Steps { get; }

    /// <summary>Every step name.</summary>
    public static IReadOnlyList<string> StepNames => [.. Registry.Keys];

    /// <summary>Runs every step.</summary>
    public IImage Apply(IImage image)
    {
        foreach (var step in Steps) image = step.Apply(image);
        return image;
    }

    /// <summary>Runs every step's mask version (<see cref="IPreprocessStep.ApplyToMask"/>): the geometry of <see cref="Apply"/>, no intensity change.</summary>
    public IImage ApplyToMask(IImage mask)
    {
        foreach (var step in Steps) mask = step.ApplyToMask(mask);
        return mask;
    }

    /// <summary>The pipeline as JSON.</summary>
    public string ToJson() => Json.Serialize(new { Steps = Steps.Select(ToObject).ToList() });

    private static Dictionary<string, object?> ToObject(IPreprocessStep step)
    {
        var o = new Dictionary<string, object?> { ["name"] = step.Name };
        foreach (var p in step.GetType().GetProperties().Where(p => p.CanWrite)) o[Json.Options.PropertyNamingPolicy!.ConvertName(p.Name)] = p.GetValue(step);
        return o;
    }

    /// <summary>Reads a pipeline from JSON text; <paramref name="source"/> names it in errors.</summary>
    public static PreprocessPipeline FromJson(string json, string source = "pipeline JSON")
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{source}: expected {{\"steps\": [ ... ]}} with a list under the key \"steps\".");
            }
            return new PreprocessPipeline([.. steps.EnumerateArray().Select((e, i) => Step(e, $"{source}, steps[{i}]"))]);
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: not valid JSON ({e.Message}).", e);
        }
    }

    private static IPreprocessStep Step(JsonElement e, string where)
    {
        string? name = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is null || !Registry.TryGetValue(name, out var type))
        {
            throw new InputException($"{where}: unknown or missing step name '{name}'; valid steps: {string.Join(", ", Registry.Keys)}.");
        }
        var keys = type.GetProperties().Where(p => p.CanWrite).Select(p => Json.Options.PropertyNamingPolicy!.ConvertName(p.Name)).ToList();
        foreach (var property in e.EnumerateObject())
        {
            if (property.Name != "name" && !keys.Contains(property.Name))
            {
                throw new InputException($"{where} ('{name}'): unknown key \"{property.Name}\"; valid keys: name{string.Concat(keys.Select(k => ", " + k))}.");
            }
        }
        try
        {
            return (IPreprocessStep)e.Deserialize(type, Json.Options)!;
        }
        catch (JsonException x)
        {
            throw new InputException($"{where} ('{name}'): invalid value at {x.Path ?? "?"}; valid keys: name{string.Concat(keys.Select(k => ", " + k))}.", x);
        }
    }
}
