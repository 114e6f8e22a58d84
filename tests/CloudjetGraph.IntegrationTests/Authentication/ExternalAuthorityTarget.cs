using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>A gateway pointed at a running <see cref="TestIdentityProvider"/> through <c>Authentication:Authority</c>.</summary>
public sealed class ExternalAuthorityTarget : CloudjetApplication
{
    public TestIdentityProvider IdentityProvider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        IdentityProvider = await TestIdentityProvider.StartAsync();
        With("Authentication:Authority", IdentityProvider.Authority);
        With("Authentication:RequireHttpsMetadata", "false");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await IdentityProvider.DisposeAsync();
    }
}
