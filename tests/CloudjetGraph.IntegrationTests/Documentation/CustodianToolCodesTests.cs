extern alias cli;

using System.Reflection;
using cli::CloudjetGraph.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Documentation;

/// <summary>Scripts match on the custodian tool's failure codes: the runbook names every one of them.</summary>
public sealed class CustodianToolCodesTests
{
    [Fact]
    public void KeyRunbook_ExitCodeTable_NamesEveryFailureCodeOfTheTool()
    {
        var runbook = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "key-runbook.md"));
        var codes = typeof(CliFailureCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        var missing = codes.Where(code => !runbook.Contains($"`{code}`", StringComparison.Ordinal)).ToList();

        Assert.True(codes.Count >= 10, $"Found only {codes.Count} codes in CliFailureCodes; has it moved?");
        Assert.True(missing.Count == 0, $"docs/key-runbook.md does not name: {string.Join(", ", missing)}.");
    }
}
