using System.Data.Common;
using System.Globalization;
using System.Text;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Data;

/// <summary>
/// Writes new rows with prepared <c>INSERT</c> statements on the context's current transaction
/// rather than through EF Core's change tracker: a 50-profile page is one audit entry and 50
/// profile rows, and a rekey batch inserts 500 person keys, and tracking them cost more CPU than the
/// rest of the commit. Rows per statement are the engine's (<see cref="IDatabaseEngine.RowsPerInsert"/>):
/// one statement for every full chunk, prepared once, and one for the rest. Table, columns, types
/// and value converters come from the EF model (<see cref="ModelParameters"/>).
/// </summary>
internal static class RowInserts
{
    /// <summary>Inserts <paramref name="rows"/>, every mapped column, inside the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open.</exception>
    public static async Task InsertAsync<TRow>(DbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class
    {
        var current = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Rows are inserted only inside the caller's transaction.");
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(TRow))!;
        var columns = entityType.GetProperties().ToList();
        var rowsPerStatement = db.Database.Engine().RowsPerInsert;
        var fullChunks = rows.Count / rowsPerStatement;
        if (fullChunks > 0)
        {
            await using var statement = await PrepareAsync(db, current, entityType, columns, rowsPerStatement, cancellationToken);
            for (var chunk = 0; chunk < fullChunks; chunk++)
            {
                await statement.RunAsync(rows, chunk * rowsPerStatement, cancellationToken);
            }
        }

        if (rows.Count % rowsPerStatement is var rest and > 0)
        {
            await using var statement = await PrepareAsync(db, current, entityType, columns, rest, cancellationToken);
            await statement.RunAsync(rows, fullChunks * rowsPerStatement, cancellationToken);
        }
    }

    private static async Task<Statement> PrepareAsync(
        DbContext db, IDbContextTransaction current, IEntityType entityType, List<IProperty> columns, int rowCount, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = current.GetDbTransaction();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(column => sql.DelimitIdentifier(column.GetColumnName(table)!))).Append(") VALUES ");
        var parameters = new DbParameter[rowCount, columns.Count];
        for (var row = 0; row < rowCount; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var index = 0; index < columns.Count; index++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"p{row}_{index}");
                text.Append(index == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                parameters[row, index] = ModelParameters.Add(command, columns[index], sql.GenerateParameterName(name));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        await command.PrepareAsync(cancellationToken);
        return new Statement(command, columns, parameters);
    }

    private sealed class Statement(DbCommand command, List<IProperty> columns, DbParameter[,] parameters) : IAsyncDisposable
    {
        public async Task RunAsync<TRow>(IReadOnlyList<TRow> rows, int first, CancellationToken cancellationToken)
            where TRow : class
        {
            for (var row = 0; row < parameters.GetLength(0); row++)
            {
                for (var index = 0; index < columns.Count; index++)
                {
                    ModelParameters.Set(parameters[row, index], columns[index], rows[first + row]);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
