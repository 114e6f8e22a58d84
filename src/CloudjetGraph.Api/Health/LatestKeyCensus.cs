using CloudjetGraph.Core.Keys;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// The last key census this process took, counted again once it is older than
/// <see cref="HealthOptions.KeyCensusInterval"/>; one census at a time, however many probes wait.
/// </summary>
internal sealed class LatestKeyCensus(IServiceScopeFactory scopes, IOptions<HealthOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim counting = new(1, 1);
    private (KeyInventory Inventory, DateTimeOffset TakenAt)? latest;

    /// <summary>The census, at most one interval old.</summary>
    public async Task<KeyInventory> ReadAsync(CancellationToken cancellationToken)
    {
        await counting.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (latest is not { } taken || now - taken.TakenAt >= options.Value.KeyCensusInterval)
            {
                await using var scope = scopes.CreateAsyncScope();
                var inventory = await scope.ServiceProvider.GetRequiredService<KeyCensus>().ReadAsync(cancellationToken);
                latest = taken = (inventory, now);
            }

            return taken.Inventory;
        }
        finally
        {
            counting.Release();
        }
    }

    public void Dispose() => counting.Dispose();
}
