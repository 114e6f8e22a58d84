using System.Data.Common;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// A key job's compare-and-swap of one row, <c>UPDATE … SET (the given columns), "Version" = …
/// WHERE "Id" = … AND "Version" = …</c>, prepared once per batch inside its transaction and run for
/// each row with new values. A LINQ <c>ExecuteUpdate</c> or <c>ExecuteSql</c> per row built, or at
/// least prepared, the same statement every time, at several times the cost of the cryptography
/// (docs/performance.md). Columns and parameter types come from the context's model, so the bytes
/// written are EF's.
/// </summary>
/// <typeparam name="TEntity">An entity with a key <c>Id</c> and a <c>long Version</c> bumped on every write.</typeparam>
internal sealed class VersionedRowWrite<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private const string IdName = "Id";
    private const string VersionName = "Version";

    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter)[] _sets;
    private readonly (IProperty Property, DbParameter Parameter) _id;
    private readonly IProperty _version;
    private readonly DbParameter _readVersion;
    private readonly DbParameter _nextVersion;

    private VersionedRowWrite(
        DbCommand command, (IProperty, DbParameter)[] sets, (IProperty, DbParameter) id, IProperty version, DbParameter readVersion, DbParameter nextVersion)
    {
        _command = command;
        _sets = sets;
        _id = id;
        _version = version;
        _readVersion = readVersion;
        _nextVersion = nextVersion;
    }

    /// <summary>Prepares the statement that writes <paramref name="propertyNames"/>, in the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open: the batch's rows must commit together.</exception>
    public static async Task<VersionedRowWrite<TEntity>> PrepareAsync(DbContext db, IEnumerable<string> propertyNames, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A key job writes rows only inside its batch's transaction.");
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();

        var sets = propertyNames.Select((name, index) => Parameter(command, entity.FindProperty(name)!, $"@set{index}")).ToArray();
        var version = entity.FindProperty(VersionName)!;
        var nextVersion = Parameter(command, version, "@nextVersion");
        var id = Parameter(command, entity.FindProperty(IdName)!, "@id");
        var readVersion = Parameter(command, version, "@readVersion");
        string Column(IProperty property) => $"\"{property.GetColumnName(table)}\"";
        command.CommandText = $"UPDATE \"{table.Name}\" SET {string.Join(", ", sets.Append(nextVersion).Select(set => $"{Column(set.Property)} = {set.Parameter.ParameterName}"))} "
            + $"WHERE {Column(id.Property)} = {id.Parameter.ParameterName} AND {Column(version)} = {readVersion.Parameter.ParameterName}";
        await command.PrepareAsync(cancellationToken);
        return new VersionedRowWrite<TEntity>(command, sets, id, version, readVersion.Parameter, nextVersion.Parameter);
    }

    /// <summary>
    /// Writes <paramref name="row"/>'s columns, and its version plus one, if the stored version is
    /// still the one <paramref name="row"/> was read with.
    /// </summary>
    /// <returns>Whether the row was written (false: it changed concurrently, or is gone).</returns>
    public async Task<bool> TryWriteAsync(TEntity row, CancellationToken cancellationToken)
    {
        foreach (var set in _sets)
        {
            SetValue(set, row);
        }

        var readVersion = (long)_version.GetGetter().GetClrValue(row)!;
        SetValue(_id, row);
        _readVersion.Value = readVersion;
        _nextVersion.Value = readVersion + 1;
        return await _command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static (IProperty Property, DbParameter Parameter) Parameter(DbCommand command, IProperty property, string name) =>
        (property, ModelParameters.Add(command, property, name));

    private static void SetValue((IProperty Property, DbParameter Parameter) column, TEntity row) =>
        ModelParameters.Set(column.Parameter, column.Property, row);
}
