using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Runs a concurrent edit right after the first query that reads profiles has run, before the
/// reader writes anything: the moment a compare-and-swap exists for. The database is in WAL mode,
/// so the edit commits while the reader is still open.
/// </summary>
internal sealed class EditAfterFirstProfileRead(Func<Task> edit) : DbCommandInterceptor
{
    public bool Fired { get; private set; }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (!Fired && command.CommandText.Contains("FROM \"Profiles\"", StringComparison.Ordinal))
        {
            Fired = true;
            await edit();
        }

        return result;
    }
}
