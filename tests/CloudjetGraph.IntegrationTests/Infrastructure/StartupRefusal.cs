using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>What stopped a host's startup, when a key ring refusal did.</summary>
public static class StartupRefusal
{
    /// <summary>Starts the host and returns the one key ring refusal that stopped it.</summary>
    public static string Of(CloudjetApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var exception = Assert.ThrowsAny<Exception>(() => app.Server);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is KeyRingUnavailableException refusal)
            {
                return refusal.Message;
            }
        }

        throw new Xunit.Sdk.XunitException($"Startup stopped without a key ring refusal: {exception}");
    }
}
