using System.Text;
using System.Text.Json.Nodes;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// Seeded, repeatable mutations of a valid operation: its document text (cut, repeat, insert
/// GraphQL tokens or hostile characters, swap) and its variables (hostile values of every JSON type).
/// </summary>
public sealed class OperationMutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", ",", "\"", "#", "|", "&",
        "__typename", "__schema { types { name } }", "profiles", "profile", "me", "organizations", "login", "signUp",
        "nodes", "edges", "node", "fullName", "phone", "skype", "loginEmail", "passwordHash", "consent { policyVersion }",
        "first: 50", "first: -1", "after: \"\"", "id: \"\"", "id: 1", "@include(if: true)", "@skip(if: false)",
        "...on Query { __typename }", "...F", "fragment F on Query { __typename }", "query", "mutation", "subscription",
        "a: ", "b: ", "$id", "$first", "null", "true", "1e999", "99999999999999999999", "\"\"\"block\"\"\"",
    ];

    private static readonly string[] HostileCharacters =
    [
        "\u0000", "\u0007", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u2028", "😀", "ｑ", "а",
        "\\u0000", "\\", "\r\n", "'", "%", "${x}", "<script>", "' OR '1'='1",
        "\\uD800", "\\uDFFF", "\uD800", "\uDC00",
    ];

    private static readonly Func<Random, JsonNode?>[] HostileValues =
    [
        _ => null,
        _ => JsonValue.Create(""),
        random => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(double.MaxValue),
        _ => JsonValue.Create(-0.0),
        _ => JsonValue.Create(true),
        random => JsonValue.Create(new string('x', random.Next(1, 5000))),
        random => JsonValue.Create(HostileCharacters[random.Next(HostileCharacters.Length)]),
        _ => JsonValue.Create("an.nguyen@saomaiviet.vn"),
        _ => JsonValue.Create("0193a000-0000-7000-8000-000000000001"),
        _ => JsonValue.Create("cHJvZmlsZTo="),
        _ => new JsonArray(1, "two", null),
        _ => new JsonObject { ["$ne"] = "" },
        _ => new JsonObject { ["fullName"] = "\u202e", ["email"] = "a@b" },
    ];

    private readonly Random _random = new(seed);

    /// <summary>One mutation of the document, or of the variables, or both.</summary>
    public (string Query, JsonObject? Variables) Mutate(string query, JsonObject? variables)
    {
        var choice = _random.Next(10);
        var mutatedQuery = choice < 7 ? MutateText(query) : query;
        var mutatedVariables = choice >= 5 ? MutateVariables(variables) : variables?.DeepClone().AsObject();
        return (mutatedQuery, mutatedVariables);
    }

    private string MutateText(string text)
    {
        var builder = new StringBuilder(text);
        var edits = 1 + _random.Next(3);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = _random.Next(builder.Length);
            switch (_random.Next(6))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + _random.Next(8)));
                    break;
                case 1:
                    var length = Math.Min(builder.Length - at, 1 + _random.Next(40));
                    var span = builder.ToString(at, length);
                    builder.Insert(at, string.Concat(Enumerable.Repeat(span, 1 + _random.Next(4))));
                    break;
                case 2:
                    builder.Insert(at, " " + Tokens[_random.Next(Tokens.Length)] + " ");
                    break;
                case 3:
                    builder.Insert(at, HostileCharacters[_random.Next(HostileCharacters.Length)]);
                    break;
                case 4:
                    var other = _random.Next(builder.Length);
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }

    private JsonObject MutateVariables(JsonObject? variables)
    {
        var mutated = variables?.DeepClone().AsObject() ?? [];
        var names = mutated.Select(pair => pair.Key).ToList();
        if (names.Count == 0 || _random.Next(5) == 0)
        {
            mutated["v" + _random.Next(3)] = HostileValues[_random.Next(HostileValues.Length)](_random);
            return mutated;
        }

        var name = names[_random.Next(names.Count)];
        if (mutated[name] is JsonObject input && input.Count > 0 && _random.Next(2) == 0)
        {
            // Inputs are objects: reach into one of their fields.
            var fields = input.Select(pair => pair.Key).ToList();
            input[fields[_random.Next(fields.Count)]] = HostileValues[_random.Next(HostileValues.Length)](_random);
        }
        else
        {
            mutated[name] = HostileValues[_random.Next(HostileValues.Length)](_random);
        }

        return mutated;
    }
}
