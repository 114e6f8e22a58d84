using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary><c>docs/architecture.md</c> names files a developer will open: each must exist, and each recipe must be there.</summary>
public sealed partial class ArchitectureMapTests
{
    private static readonly string Map = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));

    [Fact]
    public void EveryPathTheMapNames_Exists()
    {
        var paths = RepositoryPath().Matches(Map).Select(match => match.Groups[1].Value).Distinct().ToList();

        // A map whose paths were not recognised would pass with nothing checked.
        Assert.True(paths.Count >= 20, $"Only {paths.Count} paths were read from docs/architecture.md.");
        var missing = paths.Where(path => !File.Exists(Path.Combine(RepositoryRoot.Path, path)) && !Directory.Exists(Path.Combine(RepositoryRoot.Path, path))).ToList();
        Assert.True(missing.Count == 0, $"docs/architecture.md names paths that do not exist: {string.Join(", ", missing)}.");
    }

    [Theory]
    [InlineData("### Add a personal field")]
    [InlineData("### Add a staff role")]
    [InlineData("### Add an operation")]
    public void Map_HasTheRecipe(string heading) =>
        Assert.Contains(heading + "\n\n", Map.ReplaceLineEndings("\n"), StringComparison.Ordinal);

    // `src/…`, `tests/…`, `schema/…`, `docs/…` or a file at the root such as `appsettings.template.json`.
    [GeneratedRegex(@"`((?:src|tests|schema|docs)/[\w./-]+|[\w.-]+\.(?:json|md|sln))`")]
    private static partial Regex RepositoryPath();
}
