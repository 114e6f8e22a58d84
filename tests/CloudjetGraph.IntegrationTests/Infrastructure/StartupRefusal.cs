using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>What stopped a host's startup, when a key ring refusal did.</summary>
public static class StartupRefusal
{
    // WebApplicationFactory's deferred host asks the application's services for its lifetime after
    // the entry point has been let go; a refusal fast enough to dispose those services first shows
    // as ObjectDisposedException instead of the refusal. Building the host again replays it.
    private const int AttemptsPastTheFactoryRace = 3;

    /// <summary>Starts the host and returns the one key ring refusal that stopped it.</summary>
    public static string Of(CloudjetApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        for (var attempt = 1; ; attempt++)
        {
            var exception = Assert.ThrowsAny<Exception>(() => app.Server);
            if (Find<KeyRingUnavailableException>(exception) is { } refusal)
            {
                return refusal.Message;
            }

            if (Find<ObjectDisposedException>(exception) is null || attempt == AttemptsPastTheFactoryRace)
            {
                throw new Xunit.Sdk.XunitException($"Startup stopped without a key ring refusal: {exception}");
            }
        }
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
