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
