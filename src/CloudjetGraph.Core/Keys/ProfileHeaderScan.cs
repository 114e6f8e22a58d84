using System.Data.Common;
using System.Runtime.CompilerServices;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// One pass over the profiles table in storage order, reading only the key header of each stored
/// value: nothing is sorted or grouped in the database, so the census costs one read of the table
/// and holds one row at a time. Grouping eight columns' headers in SQL sorted eight values per
/// profile, and at a million profiles that sort was most of the census's time.
/// </summary>
internal static class ProfileHeaderScan
{
    /// <summary>
    /// Streams every profile's headers of <paramref name="columns"/> (property name, header length):
    /// the first bytes of each column's value, in the order of the columns, null where it is null.
    /// </summary>
    public static async IAsyncEnumerable<byte[]?[]> ReadAsync(
        CloudjetDbContext db, IReadOnlyList<(string Property, int HeaderSize)> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(Profile))!;
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var headers = columns.Select(column => $"substr({Column(column.Property)}, 1, {column.HeaderSize})");

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", headers)} FROM {sql.DelimitIdentifier(entity.GetTableName()!)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return ReadHeaders(reader, columns.Count);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static byte[]?[] ReadHeaders(DbDataReader reader, int count)
    {
        var headers = new byte[]?[count];
        for (var i = 0; i < count; i++)
        {
            headers[i] = reader.IsDBNull(i) ? null : reader.GetFieldValue<byte[]>(i);
        }

        return headers;
    }
}
