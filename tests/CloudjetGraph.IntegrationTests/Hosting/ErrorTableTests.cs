using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>The error table of docs/errors.md lists exactly the codes the gateway can raise.</summary>
public sealed partial class ErrorTableTests
{
    [Fact]
    public void ErrorsDoc_ErrorTable_ListsEveryCodeInErrorCodes()
    {
        var missing = DocumentedErrorTable.Defined().Except(DocumentedErrorTable.Codes()).Order().ToList();

        Assert.True(missing.Count == 0, $"The error table of docs/errors.md lacks: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void ErrorsDoc_ErrorTable_ListsNoCodeThatErrorCodesLacks()
    {
        var table = DocumentedErrorTable.Codes();
        var unknown = table.Except(DocumentedErrorTable.Defined()).Order().ToList();

        Assert.True(table.Count >= 19, $"Found only {table.Count} codes in the error table of docs/errors.md; has its layout changed?");
        Assert.True(unknown.Count == 0, $"The error table of docs/errors.md lists codes that do not exist: {string.Join(", ", unknown)}.");
    }

    // Every code reaches a response through CloudjetErrorInfoProvider, which takes it from an
    // exception or error built with an ErrorCodes constant. A code written as a literal elsewhere
    // would bypass ErrorCodes, and so this table check: there must be none.
    private static readonly string[] GatewayProjects = ["CloudjetGraph.Api", "CloudjetGraph.Core"];

    [Fact]
    public void GatewaySource_CodeShapedLiterals_AreAllInErrorCodes()
    {
        var defined = DocumentedErrorTable.Defined();
        // The custodian tool's own codes (CliFailureCodes) never reach a response: CustodianToolCodes checks those.
        var sources = GatewayProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Intersect(["obj", "bin", "Migrations"]).Any())
            .Where(path => Path.GetFileName(path) != "ErrorCodes.cs")
            .ToList();

        var strays = sources
            .SelectMany(path => CodeShapedLiteral().Matches(File.ReadAllText(path)).Select(m => (File: Path.GetFileName(path), Code: m.Groups[1].Value)))
            .Where(hit => !defined.Contains(hit.Code))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.True(strays.Count == 0, $"Code-shaped literals outside ErrorCodes: {string.Join(", ", strays)}.");
    }

    // Upper case with at least one underscore, as every code is (VALIDATION, CONFLICT and
    // TIMEOUT are single words, and ErrorCodes is where they must be written).
    [GeneratedRegex("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex CodeShapedLiteral();
}
