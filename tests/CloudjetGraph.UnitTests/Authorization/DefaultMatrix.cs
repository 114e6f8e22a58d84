using CloudjetGraph.Core.Authorization;
using Microsoft.Extensions.Configuration;

namespace CloudjetGraph.UnitTests.Authorization;

/// <summary>
/// The "Authorization" section of the gateway's own appsettings.json (linked into the test output),
/// bound the way the host binds it. Each call returns fresh options, so a test may break one rule
/// without affecting others.
/// </summary>
internal static class DefaultMatrix
{
    public static AuthorizationOptions Options()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json"), optional: false)
            .Build();
        return configuration.GetSection(AuthorizationOptions.SectionName).Get<AuthorizationOptions>()
            ?? throw new InvalidOperationException("The Authorization section did not bind.");
    }
}
