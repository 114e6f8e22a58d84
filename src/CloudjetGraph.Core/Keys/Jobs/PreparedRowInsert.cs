using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// A key job's <c>INSERT</c> of whole rows, prepared once per batch inside its transaction and run
/// for each row: the rekey inserts a new person key per profile, and EF's <c>SaveChanges</c> spent a
/// sixth of the job tracking and generating them (docs/performance.md). Columns and parameter types
/// come from the context's model, so the bytes written are EF's.
/// </summary>
internal sealed class PreparedRowInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter)[] _columns;

    private PreparedRowInsert(DbCommand command, (IProperty, DbParameter)[] columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>Prepares the statement in the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open: the batch's rows must commit together.</exception>
    public static async Task<PreparedRowInsert<TEntity>> PrepareAsync(DbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A key job writes rows only inside its batch's transaction.");
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();

        var columns = entity.GetProperties().Select((property, index) => ModelParameters.Add(command, property, $"@value{index}")).ToArray();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(column => ModelParameters.QuotedColumn(column.Property, table)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(column => column.Parameter.ParameterName))})";
        await command.PrepareAsync(cancellationToken);
        return new PreparedRowInsert<TEntity>(command, columns);
    }

    /// <summary>Inserts <paramref name="row"/> with every mapped column.</summary>
    public async Task InsertAsync(TEntity row, CancellationToken cancellationToken)
    {
        foreach (var column in _columns)
        {
            column.Set(row);
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
