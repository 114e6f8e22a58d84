namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that runs the tool on a pseudo-terminal through util-linux <c>script</c>, as a custodian
/// at a terminal would; skipped with the reason where <c>script</c> is missing.
/// </summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public const string Script = "/usr/bin/script";

    public TerminalFactAttribute()
    {
        if (!File.Exists(Script))
        {
            Skip = $"util-linux script is not installed ({Script}), so there is no pseudo-terminal to run the tool on.";
        }
    }
}
