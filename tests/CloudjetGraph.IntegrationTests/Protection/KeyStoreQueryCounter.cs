using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>Counts the queries that read person keys from one host's key store.</summary>
public sealed class KeyStoreQueryCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CountIfPersonKeys(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountIfPersonKeys(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void CountIfPersonKeys(DbCommand command)
    {
        if (command.CommandText.Contains("FROM \"PersonKeys\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
