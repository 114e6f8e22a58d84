using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Data;

/// <summary>
/// Writes new rows with multi-row <c>INSERT</c> statements on the context's current transaction
/// rather than through EF Core's change tracker: a 50-profile page is one audit entry and 50
/// profile rows, and a rekey batch inserts 500 person keys, and tracking them cost more CPU than the
/// rest of the commit. Table and column names, types and value converters come from the EF model,
/// so each row is stored exactly as EF Core would store it, on either provider.
/// </summary>
internal static class RowInserts
{
    // Rows per statement: with at most 10 columns, far below SQLite's 32 766 and PostgreSQL's 65 535 parameters.
    private const int RowsPerStatement = 200;

    /// <summary>Inserts <paramref name="rows"/>, every mapped column, inside the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open.</exception>
    public static async Task InsertAsync<TRow>(DbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class
    {
        var current = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Rows are inserted only inside the caller's transaction.");
        var entityType = db.Model.FindEntityType(typeof(TRow))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = current.GetDbTransaction();
        var head = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(column => sql.DelimitIdentifier(column.GetColumnName(table)!))).Append(") VALUES ").ToString();

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var index = 0; index < columns.Count; index++)
                {
                    var column = columns[index];
                    var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{row}_{index}");
                    text.Append(index == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));

                    // The mapping applies the property's value converter, as EF Core's own commands do.
                    command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(
                        command, sql.GenerateParameterName(name), column.GetGetter().GetClrValue(chunk[row]), column.IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
