using Microsoft.Data.Sqlite;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The recorded operations (key custodian and privacy) of the audit trail, read straight from a database file.</summary>
public static class CustodianRecord
{
    /// <summary>Every recorded operation, oldest first.</summary>
    public static async Task<List<RecordedOperation>> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT Sequence, At, ActorSubject, ActorRole, Operation, Target, Outcome, Detail FROM AuditEntries WHERE Kind = 'operation' ORDER BY Sequence";
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
