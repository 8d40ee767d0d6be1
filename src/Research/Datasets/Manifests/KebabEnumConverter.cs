using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Research.Datasets.Manifests;

/// <summary>Reads and writes enums as kebab-case scalars; an unknown value is an error at its line and column that lists the valid ones.</summary>
internal sealed class KebabEnumConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type.IsEnum;

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        return KebabCase.Parse(type, scalar.Value)
            ?? throw new YamlException(scalar.Start, scalar.End,
                $"'{scalar.Value}' is not a valid {KebabCase.Of(type.Name)}; valid values: {string.Join(", ", KebabCase.Names(type))}.");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(KebabCase.Of(value!.ToString()!)));
}
