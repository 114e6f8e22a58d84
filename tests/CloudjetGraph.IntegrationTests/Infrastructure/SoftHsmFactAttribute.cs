namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs SoftHSM2 (<c>apt-get install softhsm2</c>). Skipped with the reason where it
/// is missing, except in CI (<c>CI=true</c>), where it runs and fails; <c>.ci/run</c> installs it.
/// </summary>
public sealed class SoftHsmFactAttribute : FactAttribute
{
    public SoftHsmFactAttribute()
    {
        var continuousIntegration = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!continuousIntegration && !(File.Exists(SoftHsmToken.Module) && File.Exists(SoftHsmToken.Utility)))
        {
            Skip = $"SoftHSM2 is not installed ({SoftHsmToken.Module}; apt-get install softhsm2; .ci/run installs it and CI runs this test).";
        }
    }
}
