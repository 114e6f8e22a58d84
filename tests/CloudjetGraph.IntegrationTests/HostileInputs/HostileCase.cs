using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// One committed hostile request (a file in <c>Corpus/</c> holds an array of them): who sends it,
/// what it sends, and the status and error codes it must get.
/// </summary>
public sealed record HostileCase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Unique within the corpus; names the test case.</summary>
    public required string Name { get; init; }

    /// <summary>A role name (owner, management, sales, support, keyCustodian, anonymous) or a hostile token kind (see <see cref="HostileCallers"/>).</summary>
    public string Caller { get; init; } = "anonymous";

    /// <summary>GET or POST (anything else is sent as given).</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The GraphQL document; for GET it goes in the query string.</summary>
    public string? Query { get; init; }

    /// <summary>Variables, sent as given.</summary>
    public JsonNode? Variables { get; init; }

    /// <summary>Operation name; a JSON null or absence leaves it out, an empty string sends it empty.</summary>
    public JsonNode? OperationName { get; init; }

    /// <summary>Exact request body (duplicate keys, overlong numbers...), instead of one built from the fields above.</summary>
    public string? RawBody { get; init; }

    /// <summary>The Content-Type of a POST; application/json when absent.</summary>
    public string? ContentType { get; init; }

    /// <summary>The Accept header; none when absent.</summary>
    public string? Accept { get; init; }

    /// <summary>The HTTP status expected.</summary>
    public required int Status { get; init; }

    /// <summary>The distinct <c>extensions.code</c> values expected, in any order; empty for success.</summary>
    public string[] Codes { get; init; } = [];

    /// <summary>Whether an accepted request may change stored data (a valid edit); refused requests never may.</summary>
    public bool MayWrite { get; init; }

    /// <summary>Which file the case came from.</summary>
    [JsonIgnore]
    public string File { get; private set; } = "";

    /// <summary>Every case of every file in the corpus folder, by name.</summary>
    public static IReadOnlyDictionary<string, HostileCase> LoadAll()
    {
        var cases = new Dictionary<string, HostileCase>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(CorpusDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var hostileCase in JsonSerializer.Deserialize<HostileCase[]>(System.IO.File.ReadAllText(path), Json)!)
            {
                hostileCase.File = Path.GetFileName(path);
                if (!cases.TryAdd(hostileCase.Name, hostileCase))
                {
                    throw new InvalidOperationException($"Corpus case name '{hostileCase.Name}' appears twice.");
                }
            }
        }

        return cases;
    }

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "HostileInputs", "Corpus");
}
