using System.Reflection;
using System.Text.RegularExpressions;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>The codes of the error table in docs/errors.md, and the codes the gateway's code can raise.</summary>
public static partial class DocumentedErrorTable
{
    /// <summary>Every code in the first column of the table under <c># Errors</c>.</summary>
    public static IReadOnlySet<string> Codes()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "errors.md"));
        var table = lines.SkipWhile(line => line != "# Errors").Skip(1)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Skip(2);
        return table.SelectMany(row => CodeInCell().Matches(row.Split('|')[1]).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The public constants of <see cref="ErrorCodes"/>: every code a response can carry.</summary>
    public static IReadOnlySet<string> Defined() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("`([A-Z][A-Z_]*)`")]
    private static partial Regex CodeInCell();
}
