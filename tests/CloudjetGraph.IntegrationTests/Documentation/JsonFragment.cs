using System.Text.Json.Nodes;

namespace CloudjetGraph.IntegrationTests.Documentation;

/// <summary>
/// Compares an answer with the fragment a document shows: every member shown must be there with
/// that value (members not shown may be too), a list must have exactly the items shown, and a
/// string ending in <c>...</c> stands for any string beginning with what precedes the dots.
/// </summary>
public static class JsonFragment
{
    private const string AnyRest = "...";

    /// <summary>Where the answer differs from the fragment, or null when it matches.</summary>
    public static string? Mismatch(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonObject members:
                if (actual is not JsonObject actualMembers)
                {
                    return $"{path}: an object was expected, the answer has {Describe(actual)}";
                }

                foreach (var (name, value) in members)
                {
                    if (!actualMembers.TryGetPropertyValue(name, out var actualValue))
                    {
                        return $"{path}.{name}: missing from the answer";
                    }

                    if (Mismatch(value, actualValue, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray items:
                if (actual is not JsonArray actualItems || actualItems.Count != items.Count)
                {
                    return $"{path}: a list of {items.Count} was expected, the answer has {Describe(actual)}";
                }

                return items.Select((item, i) => Mismatch(item, actualItems[i], $"{path}[{i}]")).FirstOrDefault(m => m is not null);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.EndsWith(AnyRest, StringComparison.Ordinal):
                return actual is JsonValue actualString && actualString.TryGetValue<string>(out var actualText) && actualText.StartsWith(text[..^AnyRest.Length], StringComparison.Ordinal)
                    ? null
                    : $"{path}: a string beginning '{text[..^AnyRest.Length]}' was expected, the answer has {Describe(actual)}";
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: {Describe(expected)} was expected, the answer has {Describe(actual)}";
        }
    }

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";
}
