namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Waits until no runner holds the key job lease: released, or expired after its holder was killed
/// (<c>kill -9</c> releases nothing). Polling the key store is cheaper than starting runners that
/// exit 4 until one gets through.
/// </summary>
public static class KeyJobLeaseWait
{
    public static Task UntilFreeAsync(CloudjetApplication host, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Poll.UntilAsync(
            () =>
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                return host.WithKeyStore(store => store.KeyJobLeases.All(lease => lease.Holder == null || lease.ExpiresAtUnixMs < now));
            },
            timeout,
            "The key job lease being free");
    }
}
