using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Research.Datasets.Manifests;

/// <summary>
/// Finds keys written without a value (<c>key:</c>, <c>key: ~</c>, <c>key: null</c>): YAML reads them as null, which
/// would replace a default and fail later far from the cause. Each is reported with its line and column; an empty
/// string is written <c>''</c>, and an optional key with nothing to say is left out.
/// </summary>
internal static class EmptyValueCheck
{
    /// <summary>Adds a message to <paramref name="problems"/> for every null value under <paramref name="node"/>.</summary>
    public static void Check(YamlNode node, string path, string file, List<string> problems)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    string name = key is YamlScalarNode k ? k.Value ?? "" : "?";
                    string at = path.Length == 0 ? name : $"{path}.{name}";
                    if (IsNull(value)) problems.Add($"{file}:{value.Start.Line}:{value.Start.Column}: '{at}' has no value; give one, or leave the key out if it is optional.");
                    else Check(value, at, file, problems);
                }
                break;
            case YamlSequenceNode list:
                for (int i = 0; i < list.Children.Count; i++)
                {
                    YamlNode item = list.Children[i];
                    if (IsNull(item)) problems.Add($"{file}:{item.Start.Line}:{item.Start.Column}: '{path}[{i}]' has no value.");
                    else Check(item, $"{path}[{i}]", file, problems);
                }
                break;
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s && s.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
