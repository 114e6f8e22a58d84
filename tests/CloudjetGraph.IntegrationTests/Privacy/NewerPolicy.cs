using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>A gateway whose current policy is a second version, listed after the configured 2019 one.</summary>
internal static class NewerPolicy
{
    public const string Text = "Chính sách bảo mật thông tin cá nhân, phiên bản dùng trong kiểm thử.";

    /// <summary>The newer version the re-consent tests make current.</summary>
    public const string Version = "2026-07-01";

    /// <summary>Lists <paramref name="version"/> (effective on that date, with <see cref="Text"/>) and makes it current.</summary>
    public static CloudjetApplication WithNewerPolicy(this CloudjetApplication app, string version, string? gracePeriod = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.With("Policy:Versions:1:Version", version)
            .With("Policy:Versions:1:EffectiveDate", version)
            .With("Policy:Versions:1:Text", Text)
            .With("Policy:CurrentVersion", version);
        return gracePeriod is null ? app : app.With("Policy:ReacceptanceGracePeriod", gracePeriod);
    }

    /// <summary>
    /// Signs up an owner under the 2019 policy in a host that then stops, keeping its data: a host
    /// started on <paramref name="dataDirectory"/> with a newer policy finds them behind.
    /// </summary>
    /// <returns>The owner's token, which the later host accepts (same databases, same ring).</returns>
    public static async Task<string> SignUpOnTheOldPolicyAsync(string dataDirectory)
    {
        await using var before = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true };
        await before.InitializeAsync();
        return (await ErasedPerson.SignUpAsync(before, "behind")).Token;
    }
}
