namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that runs npm (Node.js 20.19 or later). Without npm on the PATH it is skipped with the
/// reason, except in CI (<c>CI=true</c>), where it runs and fails: CI must never pass by skipping it.
/// </summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute()
    {
        Skip = SkipReason(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), IsInstalled);
    }

    /// <summary>Whether an <c>npm</c> executable is on the PATH.</summary>
    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "npm")) || File.Exists(Path.Combine(folder, "npm.cmd")));

    /// <summary>Why the test is skipped, or null when it runs: always in CI.</summary>
    public static string? SkipReason(bool continuousIntegration, bool npmInstalled) =>
        continuousIntegration || npmInstalled
            ? null
            : "npm was not found on the PATH: install Node.js 20.19 or later with npm (CI runs this test).";
}
