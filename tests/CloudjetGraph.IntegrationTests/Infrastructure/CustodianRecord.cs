using System.Data.Common;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The recorded operations (key custodian and privacy) of the audit trail, read straight from a database file.</summary>
public static class CustodianRecord
{
    /// <summary>Every recorded operation, oldest first.</summary>
    /// <remarks>On a PostgreSQL run, the database of the file's directory (<see cref="TestDatabase.OpenAsync"/>).</remarks>
    public static async Task<List<RecordedOperation>> ReadAsync(string databasePath)
    {
        await using var connection = await TestDatabase.OpenAsync(databasePath);
        return await ReadAsync(connection);
    }

    /// <summary>Every operation recorded in a host's profile database, on either provider, oldest first.</summary>
    public static Task<List<RecordedOperation>> ReadAsync(CloudjetApplication host) => ReadAsync(host.DatabasePath);

    private static async Task<List<RecordedOperation>> ReadAsync(DbConnection connection)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT \"Sequence\", \"At\", \"ActorSubject\", \"ActorRole\", \"Operation\", \"Target\", \"Outcome\", \"Detail\" FROM \"AuditEntries\" WHERE \"Kind\" = 'operation' ORDER BY \"Sequence\"";
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<RecordedOperation>();
        while (await reader.ReadAsync())
        {
            rows.Add(new RecordedOperation(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7)));
        }

        return rows;
    }
}

/// <summary>One row of the record, every column.</summary>
public sealed record RecordedOperation(long Id, DateTimeOffset At, string ActorSubject, string ActorRole, string Operation, string Target, string Outcome, string Detail)
{
    /// <summary>Every text column, to search for what must never be there.</summary>
    public string Text => string.Join("\u001f", ActorSubject, ActorRole, Operation, Target, Outcome, Detail);
}
