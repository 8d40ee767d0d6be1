using System.Text.Json;
using Research.IO;
using Research.Randomness;

namespace Research.Augmentation.Random;

/// <summary>The result of one pipeline run: the augmented sample and, per transform, what was drawn (for replay).</summary>
/// <param name="Sample">The augmented sample.</param>
/// <param name="Applied">One entry per transform, in order.</param>
public sealed record PipelineResult(AugmentationSample Sample, IReadOnlyList<AppliedTransform> Applied);

/// <summary>
/// A sequence of random transforms. <see cref="Apply"/> draws each transform's parameters once from the injected generator
/// (whether it applies, then its values) and applies them to image, mask and labels; <see cref="Replay"/> re-applies
/// recorded parameters exactly. Pipelines serialise to JSON ({"transforms": [{"name": ..., options}]}) and back.
/// </summary>
public sealed class RandomPipeline
{
    /// <summary>Creates a pipeline; every transform is validated.</summary>
    public RandomPipeline(IReadOnlyList<IRandomTransform> transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        foreach (var t in transforms) t.Validate();
        Transforms = transforms;
    }

    /// <summary>The transforms, in order.</summary>
    public IReadOnlyList<IRandomTransform> Transforms { get; }

    /// <summary>Runs the pipeline on <paramref name="sample"/> with parameters drawn from <paramref name="random"/>.</summary>
    public PipelineResult Apply(AugmentationSample sample, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        sample.Check();
        var applied = new List<AppliedTransform>(Transforms.Count);
        foreach (var t in Transforms)
        {
            bool apply = random.Chance(t.Probability);
            var record = new AppliedTransform(t.Name, apply,
                apply ? t.Sample(random, sample.Image.Width, sample.Image.Height) : new Dictionary<string, double>());
            sample = TransformFunctions.Apply(sample, record);
            applied.Add(record);
        }
        return new PipelineResult(sample, applied);
    }

    /// <summary>Re-applies recorded parameters (from <see cref="Apply"/> or from JSON): the same result, no randomness.</summary>
    public static AugmentationSample Replay(AugmentationSample sample, IEnumerable<AppliedTransform> applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        foreach (var record in applied) sample = TransformFunctions.Apply(sample, record);
        return sample;
    }

    /// <summary>The pipeline as JSON.</summary>
    public string ToJson() => Json.Serialize(new { Transforms = Transforms.Select(TransformRegistry.ToJsonObject).ToList() });

    /// <summary>Reads a pipeline from JSON; errors name the transform's position, its name and the bad key.</summary>
    public static RandomPipeline FromJson(string json, string source = "pipeline JSON")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: not valid JSON ({e.Message}).", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("transforms", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{source}: expected {{\"transforms\": [ ... ]}} with a list under the key \"transforms\".");
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name != "transforms") throw new InputException($"{source}: unknown key \"{property.Name}\"; the only key is \"transforms\".");
            }
            return new RandomPipeline([.. list.EnumerateArray().Select((e, i) => TransformRegistry.FromJson(e, $"{source}, transforms[{i}]"))]);
        }
    }
}
