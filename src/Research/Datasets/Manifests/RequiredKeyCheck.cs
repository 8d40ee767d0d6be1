using System.Reflection;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Research.Datasets.Manifests;

/// <summary>Walks the YAML tree beside the model's types and reports each required key that is missing, with its line and column.</summary>
internal static class RequiredKeyCheck
{
    /// <summary>The YAML keys of a model type, in declaration order.</summary>
    public static IEnumerable<string> KeysOf(Type type) =>
        Properties(type).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name));

    /// <summary>Adds a message to <paramref name="problems"/> for every required key missing under <paramref name="node"/>.</summary>
    public static void Check(YamlMappingNode node, Type type, string path, string file, List<string> problems)
    {
        if (ManifestRequiredKeys.ByType.TryGetValue(type, out string[]? required))
        {
            foreach (string key in required)
            {
                if (!node.Children.ContainsKey(new YamlScalarNode(key)))
                {
                    problems.Add($"{file}:{node.Start.Line}:{node.Start.Column}: missing required key '{Join(path, key)}'.");
                }
            }
        }
        foreach (PropertyInfo property in Properties(type))
        {
            string key = UnderscoredNamingConvention.Instance.Apply(property.Name);
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child)) continue;
            Type? element = ElementType(property.PropertyType);
            if (ManifestRequiredKeys.ByType.ContainsKey(property.PropertyType) && child is YamlMappingNode map)
            {
                Check(map, property.PropertyType, Join(path, key), file, problems);
            }
            else if (element is not null && ManifestRequiredKeys.ByType.ContainsKey(element) && child is YamlSequenceNode list)
            {
                for (int i = 0; i < list.Children.Count; i++)
                {
                    if (list.Children[i] is YamlMappingNode item) Check(item, element, $"{Join(path, key)}[{i}]", file, problems);
                }
            }
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<YamlDotNet.Serialization.YamlIgnoreAttribute>() is null);

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
}
