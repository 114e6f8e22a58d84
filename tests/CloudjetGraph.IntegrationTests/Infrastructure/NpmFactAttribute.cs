namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that runs npm (Node.js). Skipped with the reason where npm is not on the PATH, except in
/// CI (<c>CI=true</c>), where it runs and fails: CI must never pass by skipping it.
/// </summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute()
    {
        Skip = SkipReason(
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            IsNpmOnPath());
    }

    /// <summary>Why the test is skipped, or null when it runs: always in CI.</summary>
    public static string? SkipReason(bool continuousIntegration, bool npmFound) =>
        continuousIntegration || npmFound
            ? null
            : "npm is not on the PATH: install Node.js 20.19 or later with npm (CI runs this test).";

    private static bool IsNpmOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "npm")));
}
