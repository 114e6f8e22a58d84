namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>Assertions on a Cli verb's outcome.</summary>
internal static class CliOutcome
{
    /// <summary>The verb exited 0; otherwise its stderr is the failure message.</summary>
    public static void AssertDone(this (int ExitCode, string Output, string Error) outcome) => Assert.True(outcome.ExitCode == 0, outcome.Error);
}
