using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// Inserts entities with one prepared <see cref="SqliteCommand"/> per table inside the caller's
/// transaction: EF's per-row inserts are far too slow for a million rows. Columns, value converters
/// and parameter types all come from the context's own model (the same type mappings EF's inserts
/// use), so the stored bytes are what the gateway writes.
/// </summary>
public sealed class BulkInserter<TEntity> : IDisposable
    where TEntity : class
{
    private readonly SqliteCommand _command;
    private readonly (IProperty Property, DbParameter Parameter)[] _columns;

    public BulkInserter(DbContext context, SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entityType = context.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _columns = [.. entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null)
            .Select((property, index) => (property, property.GetRelationalTypeMapping().CreateParameter(_command, $"@p{index}", null, property.IsNullable)))];
        _command.Parameters.AddRange(_columns.Select(c => c.Parameter).ToArray());
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) "
            + $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})";
        _command.Prepare();
    }

    public void Insert(TEntity entity)
    {
        foreach (var (property, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValue(entity);
            var converter = property.GetTypeMapping().Converter;
            parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
