using System.Text.RegularExpressions;

namespace CloudjetGraph.IntegrationTests.Documentation;

/// <summary>
/// One fenced <c>bash</c> block of a file in docs/examples and the answer shown after it: a
/// <c>json</c> body or an <c>http</c> status line and body. A block with no answer shown only
/// sets <see cref="Variable"/>.
/// </summary>
public sealed partial record DocumentationExample(string File, int Line, string Command, string? AnswerKind, string? Answer, string? Variable)
{
    /// <summary>The examples of one markdown file, in order.</summary>
    public static IReadOnlyList<DocumentationExample> Parse(string file, string markdown)
    {
        var blocks = new List<(int Line, string Kind, string Text)>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is not { Success: true } open)
            {
                continue;
            }

            var start = i;
            var text = new List<string>();
            while (++i < lines.Length && lines[i] != "```")
            {
                text.Add(lines[i]);
            }

            blocks.Add((start + 1, open.Groups[1].Value, string.Join('\n', text)));
        }

        var examples = new List<DocumentationExample>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var (line, kind, text) = blocks[b];
            if (kind != "bash")
            {
                throw new FormatException($"{file}:{line}: a {kind} block follows no bash command.");
            }

            if (b + 1 < blocks.Count && blocks[b + 1].Kind is "json" or "http")
            {
                examples.Add(new(file, line, text, blocks[b + 1].Kind, blocks[b + 1].Text, null));
                b++;
                continue;
            }

            // Without an answer shown, a block may only set a variable for the commands after it.
            var assignment = Assignment().Match(text);
            if (!assignment.Success)
            {
                throw new FormatException($"{file}:{line}: a command with no answer shown after it (a json or http block).");
            }

            examples.Add(new(file, line, text, null, null, assignment.Groups[1].Value));
        }

        return examples;
    }

    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^```(\w+)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^([A-Z_][A-Z0-9_]*)=\S")]
    private static partial Regex Assignment();
}
