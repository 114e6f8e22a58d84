using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Data.Engines;

/// <summary>
/// Runs a delete or overwrite of rows holding secrets on one connection, with the server told to
/// overwrite the freed bytes first (<see cref="IDatabaseEngine.PrepareErasureAsync"/>) and its old
/// row images removed after (<see cref="IDatabaseEngine.FlushErasureAsync"/>).
/// </summary>
internal static class SecureErasure
{
    // Waits of 25 ms doubling to 800 ms: about 1.6 s in all, which outlasts a reader descheduled
    // on a loaded machine (250 ms did not, in CI), and is paid only when a reader is in the way.
    /// <summary>How many times <see cref="FlushWithRetriesAsync"/> tries before it gives up.</summary>
    public const int FlushAttempts = 7;

    private static readonly TimeSpan FirstFlushRetryDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// After deletes that must not outlive their transaction in the journal (an erasure, retention):
    /// flushes the old row images, trying again while readers keep it busy. Runs to its end whatever
    /// the caller's token, since the rows are gone already.
    /// </summary>
    /// <returns>False when readers kept it busy throughout: the images leave at the next checkpoint, which the caller logs.</returns>
    public static async Task<bool> FlushWithRetriesAsync(DatabaseFacade database)
    {
        var engine = database.Engine();
        await database.OpenConnectionAsync(CancellationToken.None);
        try
        {
            var delay = FirstFlushRetryDelay;
            for (var attempt = 1; attempt <= FlushAttempts; attempt++)
            {
                if (await engine.FlushErasureAsync(database, CancellationToken.None))
                {
                    return true;
                }

                if (attempt < FlushAttempts)
                {
                    await Task.Delay(delay, CancellationToken.None);
                    delay *= 2;
                }
            }

            return false;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs <paramref name="erase"/>; the caller reports a flush that readers kept from finishing.</summary>
    /// <returns>The rows <paramref name="erase"/> counted, and whether the old images are gone.</returns>
    public static async Task<(int Erased, bool Flushed)> RunAsync(DatabaseFacade database, Func<Task<int>> erase, CancellationToken cancellationToken)
    {
        var engine = database.Engine();
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await engine.PrepareErasureAsync(database, cancellationToken);
            var erased = await erase();
            return (erased, await engine.FlushErasureAsync(database, cancellationToken));
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
