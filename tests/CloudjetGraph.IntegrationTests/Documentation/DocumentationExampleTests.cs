using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Documentation;

/// <summary>
/// Every example in docs/examples runs against a live gateway and gets the answer the document
/// shows; an example with a typo, in its command or in its answer, fails.
/// </summary>
public sealed class DocumentationExampleTests(ExampleGateway gateway) : IClassFixture<ExampleGateway>
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "docs", "examples");

    // The order a reader meets them in the index, which the shared demo data follows: sign-ups
    // land in an organisation no staff example counts.
    internal static readonly string[] FileNames = ["anonymous.md", "owner.md", "management.md", "sales.md", "support.md", "key-custodian.md", "frontend.md"];

    public static TheoryData<string> Files => new(FileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reader_RunsEveryExampleOfTheFile_GetsTheAnswerShown(string file)
    {
        var examples = Examples(file);
        Assert.Contains(examples, example => example.Answer is not null);

        var outputs = await gateway.RunAsync(examples);

        var failures = examples.Zip(outputs).Select(pair => Mismatch(pair.First, pair.Second)).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void ExampleFolder_ListsEveryFile_InTheTestAndTheIndex()
    {
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var files = Directory.GetFiles(Folder, "*.md").Select(Path.GetFileName).Where(name => name != "README.md").Order(StringComparer.Ordinal);

        Assert.Equal(files, FileNames.Order(StringComparer.Ordinal));
        Assert.All(files, name => Assert.Contains($"]({name})", index, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Example_WithATypoInItsQuery_FailsAgainstItsAnswer()
    {
        var me = Examples("owner.md").Take(3).ToList();
        Assert.Contains("{ me { fullName", me[2].Command, StringComparison.Ordinal);
        me[2] = me[2] with { Command = me[2].Command.Replace("{ me { fullName", "{ me { fullNmae", StringComparison.Ordinal) };

        var outputs = await gateway.RunAsync(me);

        Assert.Null(Mismatch(me[1], outputs[1]));
        Assert.Contains("$.data: missing from the answer", Mismatch(me[2], outputs[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Example_WithATypoInItsAnswer_FailsAgainstTheGateway()
    {
        var me = Examples("owner.md").Take(3).ToList();
        me[2] = me[2] with { Answer = me[2].Answer!.Replace("Nguyễn Văn An", "Nguyen Van An", StringComparison.Ordinal) };

        var outputs = await gateway.RunAsync(me);

        Assert.Contains("$.data.me.fullName", Mismatch(me[2], outputs[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void Example_WithoutAnAnswerShown_IsRefusedUnlessItSetsAVariable()
    {
        var markdown = "```bash\ncurl -s http://localhost:5297/graphql -d '{}'\n```\n";

        var refusal = Assert.Throws<FormatException>(() => DocumentationExample.Parse("new.md", markdown));

        Assert.Contains("new.md:1", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("TOKEN", DocumentationExample.Parse("new.md", "```bash\nTOKEN=$(echo x)\n```\n").Single().Variable);
    }

    [Theory]
    [InlineData("""{"a":{"b":"xyz"}}""", """{"a":{"b":"xy..."}}""", null)]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a: a list of 1 was expected")]
    [InlineData("""{"a":1}""", """{"b":1}""", "$.b: missing")]
    [InlineData("""{"a":"x"}""", """{"a":"y"}""", "$.a: \"y\" was expected")]
    [InlineData("""{"a":null}""", """{"a":"..."}""", "$.a: a string beginning")]
    public void Mismatch_OfAnswerAndFragment_NamesTheFirstDifference(string answer, string fragment, string? expected)
    {
        var mismatch = JsonFragment.Mismatch(JsonNode.Parse(fragment), JsonNode.Parse(answer));

        if (expected is null)
        {
            Assert.Null(mismatch);
        }
        else
        {
            Assert.StartsWith(expected, mismatch, StringComparison.Ordinal);
        }
    }

    internal static List<DocumentationExample> Examples(string file) =>
        [.. DocumentationExample.Parse(file, File.ReadAllText(Path.Combine(Folder, file)))];

    internal static string? Mismatch(DocumentationExample example, string output)
    {
        if (example.Variable is { } variable)
        {
            return output == "set" ? null : $"{example}: ${variable} was left empty.";
        }

        var body = output;
        var shown = example.Answer!;
        if (example.AnswerKind == "http")
        {
            // curl -i: the status line, the headers, a blank line, the body. The doc shows the
            // status line and the body.
            var status = output.Split('\n', 2)[0].Trim();
            var shownStatus = shown.Split('\n', 2)[0].Trim();
            if (status != shownStatus)
            {
                return $"{example}: '{status}' instead of '{shownStatus}'.";
            }

            body = output.ReplaceLineEndings("\n").Split("\n\n", 2) is [_, var rest] ? rest : string.Empty;
            shown = shown.Split('\n', 2) is [_, var shownBody] ? shownBody : string.Empty;
        }

        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return $"{example}: the answer is not JSON: {body}";
        }

        return JsonFragment.Mismatch(JsonNode.Parse(shown), answer) is { } difference ? $"{example}: {difference}" : null;
    }
}
