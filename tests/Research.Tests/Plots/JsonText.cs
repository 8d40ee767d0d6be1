using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Tests.Plots;

/// <summary>Compact JSON text of a node with only the escapes JSON requires ("lines+markers", not "lines\u002Bmarkers").</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => node?.ToJsonString(Options) ?? "null";
}
