using System.Data.Common;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// The rekey's compare-and-swap of one profile's re-sealed columns, <c>UPDATE "Profiles" SET …
/// WHERE "Id" = … AND "Version" = …</c>, prepared once per batch inside its transaction and run for
/// each row with new values. A LINQ <c>ExecuteUpdate</c> per row built, translated and looked up the
/// same statement every time, at several times the cost of the cryptography (docs/performance.md).
/// Columns and parameter types come from the context's model, so the bytes written are EF's.
/// </summary>
internal sealed class ResealedProfileWrite : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter)[] _sets;
    private readonly (IProperty Property, DbParameter Parameter) _id;
    private readonly DbParameter _readVersion;
    private readonly DbParameter _nextVersion;

    private ResealedProfileWrite(
        DbCommand command, (IProperty, DbParameter)[] sets, (IProperty, DbParameter) id, DbParameter readVersion, DbParameter nextVersion)
    {
        _command = command;
        _sets = sets;
        _id = id;
        _readVersion = readVersion;
        _nextVersion = nextVersion;
    }

    /// <summary>Prepares the statement in the context's current transaction.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open: the batch's rows must commit together.</exception>
    public static async Task<ResealedProfileWrite> PrepareAsync(CloudjetDbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The rekey writes profiles only inside its batch's transaction.");
        var entity = db.Model.FindEntityType(typeof(Profile))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();

        // Every sealed field of the catalogue, so a new one is never left under a key about to go.
        var setNames = PersonalFieldCatalogue.All.Select(descriptor => descriptor.Column.PropertyName)
            .Concat([nameof(Profile.PasswordHash), nameof(Profile.AccessTag)]);
        var sets = setNames.Select((name, index) => Parameter(command, entity.FindProperty(name)!, $"@set{index}")).ToArray();
        var versionProperty = entity.FindProperty(nameof(Profile.Version))!;
        var nextVersion = Parameter(command, versionProperty, "@nextVersion");
        var id = Parameter(command, entity.FindProperty(nameof(Profile.Id))!, "@id");
        var readVersion = Parameter(command, versionProperty, "@readVersion");
        string Column(IProperty property) => $"\"{property.GetColumnName(table)}\"";
        command.CommandText = $"UPDATE \"{table.Name}\" SET {string.Join(", ", sets.Append(nextVersion).Select(set => $"{Column(set.Property)} = {set.Parameter.ParameterName}"))} "
            + $"WHERE {Column(id.Property)} = {id.Parameter.ParameterName} AND {Column(versionProperty)} = {readVersion.Parameter.ParameterName}";
        await command.PrepareAsync(cancellationToken);
        return new ResealedProfileWrite(command, sets, id, readVersion.Parameter, nextVersion.Parameter);
    }

    /// <summary>
    /// Writes <paramref name="profile"/>'s re-sealed columns, and its version plus one, if the stored
    /// version is still the <see cref="Profile.Version"/> it was read with.
    /// </summary>
    /// <returns>Whether the row was written (false: it changed concurrently, or is gone).</returns>
    public async Task<bool> TryWriteAsync(Profile profile, CancellationToken cancellationToken)
    {
        foreach (var (property, parameter) in _sets)
        {
            parameter.Value = ProviderValue(property, property.GetGetter().GetClrValue(profile));
        }

        _id.Parameter.Value = ProviderValue(_id.Property, profile.Id);
        _readVersion.Value = profile.Version;
        _nextVersion.Value = profile.Version + 1;
        return await _command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static (IProperty Property, DbParameter Parameter) Parameter(DbCommand command, IProperty property, string name)
    {
        var parameter = property.GetRelationalTypeMapping().CreateParameter(command, name, null, property.IsNullable);
        command.Parameters.Add(parameter);
        return (property, parameter);
    }

    private static object ProviderValue(IProperty property, object? value) =>
        (value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
}
