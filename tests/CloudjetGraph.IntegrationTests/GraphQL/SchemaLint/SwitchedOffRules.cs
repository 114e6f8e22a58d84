using System.Text.Json;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL.SchemaLint;

/// <summary>
/// The rules each linter's committed configuration switches off, and those that
/// docs/schema-contract.md lists, with their reasons, under "Schema linting".
/// </summary>
internal static partial class SwitchedOffRules
{
    /// <summary>The @graphql-eslint rules at severity off in ESLint's resolved configuration for the SDL.</summary>
    public static async Task<IReadOnlyList<string>> InEslintConfigAsync()
    {
        var run = await SchemaLinters.EslintAsync(sdl: null, "--print-config");
        Assert.True(run.ExitCode == 0, run.Output);
        using var config = JsonDocument.Parse(run.Output);
        return
        [
            .. from rule in config.RootElement.GetProperty("rules").EnumerateObject()
               let severity = rule.Value[0]
               where severity.ValueKind == JsonValueKind.Number ? severity.GetInt32() == 0 : severity.GetString() == "off"
               select rule.Name,
        ];
    }

    /// <summary>graphql-schema-linter's built-in rules that its committed configuration does not list.</summary>
    public static IReadOnlyList<string> InGraphqlSchemaLinterConfig()
    {
        var listed = RuleListItem().Matches(File.ReadAllText(Path.Combine(SchemaLinters.LintFolder, ".graphql-schema-linterrc.yml")))
            .Select(match => match.Groups["rule"].Value)
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. Directory.GetFiles(Path.Combine(SchemaLinters.LintFolder, "node_modules", "graphql-schema-linter", "lib", "rules"), "*.js")
                .Select(file => Path.GetFileNameWithoutExtension(file).Replace('_', '-'))
                .Where(rule => !listed.Contains(rule)),
        ];
    }

    /// <summary>The rules in the tables of docs/schema-contract.md's "Schema linting" section, with their reasons.</summary>
    public static IReadOnlyDictionary<string, string> InSchemaContractDoc()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "schema-contract.md"));
        var section = SchemaLintingSection().Match(doc);
        Assert.True(section.Success, "docs/schema-contract.md has no \"## Schema linting\" section.");
        return DocumentedRule().Matches(section.Value)
            .ToDictionary(match => match.Groups["rule"].Value, match => match.Groups["reason"].Value.Trim(), StringComparer.Ordinal);
    }

    // "  - rule-name" under `rules:`; commented-out rules start with "#" and do not match.
    [GeneratedRegex(@"^  - (?<rule>[a-z-]+)$", RegexOptions.Multiline)]
    private static partial Regex RuleListItem();

    [GeneratedRegex(@"^## Schema linting$.*?(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SchemaLintingSection();

    // A table row "| `rule` | reason |".
    [GeneratedRegex(@"^\| `(?<rule>[^`]+)` \|(?<reason>.*)\|$", RegexOptions.Multiline)]
    private static partial Regex DocumentedRule();
}
