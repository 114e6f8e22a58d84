using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Documentation;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// The operations that docs/examples runs, read from the examples themselves (no second copy), as
/// a frontend's source would hold them: each named, and each name once (the client preset skips
/// anonymous operations and refuses a name used twice). An example is then rewritten to send the
/// id of its operation instead of the document.
/// </summary>
internal sealed partial class DocumentedOperations
{
    private readonly Dictionary<string, (string Name, string Renamed)> _byDocument = new(StringComparer.Ordinal);

    /// <summary>The operations, by the name each one got, as they are written for codegen.</summary>
    public Dictionary<string, string> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>Collects the operation of every example whose answer shows that it ran (it has <c>data</c>, or sets a variable).</summary>
    public static DocumentedOperations From(IEnumerable<DocumentationExample> examples)
    {
        var operations = new DocumentedOperations();
        foreach (var example in examples)
        {
            if (DocumentOf(example.Command) is { } document && Ran(example) && !operations._byDocument.ContainsKey(document))
            {
                operations.Add(example, document);
            }
        }

        return operations;
    }

    /// <summary>
    /// <paramref name="example"/> sending its operation's id from <paramref name="idsByName"/>
    /// instead of its document; null when its document is not one of these operations (it does
    /// not run: a typo, a request refused before execution). An example without a document is kept.
    /// </summary>
    public DocumentationExample? ById(DocumentationExample example, IReadOnlyDictionary<string, string> idsByName)
    {
        if (DocumentOf(example.Command) is not { } document)
        {
            return example;
        }

        if (!_byDocument.TryGetValue(document, out var operation))
        {
            return null;
        }

        var id = idsByName[operation.Name];
        var command = JsonQuery().Replace(example.Command, _ => $"\"documentId\":\"{id}\"");
        command = UrlQuery().Replace(command, _ => $"'documentId={id}'");
        if (operation.Renamed.Length > 0)
        {
            command = command.Replace($"\"operationName\":\"{operation.Renamed}\"", $"\"operationName\":\"{operation.Name}\"", StringComparison.Ordinal);
        }

        return example with { Command = command };
    }

    /// <summary>The name of the operation a manifest document holds: codegen keeps each operation's name.</summary>
    public static string NameIn(string manifestDocument) => OperationName().Match(manifestDocument).Groups[2].Value;

    private void Add(DocumentationExample example, string document)
    {
        var tag = string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(example.File[0])}{example.File[1..^3].Replace("-", string.Empty, StringComparison.Ordinal)}{example.Line}");
        var named = OperationName().Match(document);
        string name, text, renamed = string.Empty;
        if (!named.Success)
        {
            name = tag;
            text = Anonymous().Replace(document, match => $"{(match.Groups[1].Success ? match.Groups[1].Value : "query")} {name} ", 1);
        }
        else if (Operations.ContainsKey(named.Groups[2].Value))
        {
            renamed = named.Groups[2].Value;
            name = $"{renamed}{tag}";
            text = string.Concat(document.AsSpan(0, named.Groups[2].Index), name, document.AsSpan(named.Groups[2].Index + renamed.Length));
        }
        else
        {
            name = named.Groups[2].Value;
            text = document;
        }

        Operations.Add(name, text);
        _byDocument.Add(document, (name, renamed));
    }

    private static string? DocumentOf(string command) =>
        JsonQuery().Match(command) is { Success: true } json ? JsonSerializer.Deserialize<string>($"\"{json.Groups[1].Value}\"")
        : UrlQuery().Match(command) is { Success: true } url ? url.Groups[1].Value
        : null;

    private static bool Ran(DocumentationExample example)
    {
        if (example.Variable is not null)
        {
            return true;
        }

        var body = example.AnswerKind == "http" ? example.Answer!.Split('\n', 2)[1] : example.Answer!;
        return JsonNode.Parse(body) is JsonObject answer && answer.ContainsKey("data");
    }

    [GeneratedRegex(@"""query""\s*:\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex JsonQuery();

    [GeneratedRegex(@"'query=([^']*)'")]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"^\s*(query|mutation|subscription)\s+(\w+)")]
    private static partial Regex OperationName();

    [GeneratedRegex(@"^\s*(query|mutation|subscription)?\s*(?=[({])")]
    private static partial Regex Anonymous();
}
