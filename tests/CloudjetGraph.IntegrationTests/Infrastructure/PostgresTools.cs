using System.Diagnostics;
using Npgsql;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// PostgreSQL's own backup tools, run as an operator would: <c>pg_dump</c> of a database and
/// <c>psql</c> to restore a dump into a new one. Found in <c>CLOUDJET_TEST_POSTGRES_BIN</c>, else on the PATH.
/// </summary>
public static class PostgresTools
{
    /// <summary>A plain-text dump of the whole database (schema and every row).</summary>
    public static Task<string> DumpAsync(string connectionString) =>
        RunAsync("pg_dump", connectionString, null, "--no-owner", "--no-privileges");

    /// <summary>Restores <paramref name="dump"/> into a new database of that name on the same server; returns its connection string.</summary>
    public static async Task<string> RestoreAsync(string connectionString, string dump, string databaseName)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ToString()))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString) { Database = databaseName, Pooling = false }.ToString();
        await RunAsync("psql", target, dump, "--quiet", "--set=ON_ERROR_STOP=1");
        return target;
    }

    /// <summary>Drops a database made by <see cref="RestoreAsync"/>.</summary>
    public static async Task DropAsync(string connectionString, string databaseName)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    // The password goes through the environment, never the command line that `ps` shows.
    private static async Task<string> RunAsync(string tool, string connectionString, string? input, params string[] arguments)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Executable(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
        };
        start.ArgumentList.Add($"--host={builder.Host}");
        start.ArgumentList.Add($"--port={builder.Port}");
        start.ArgumentList.Add($"--username={builder.Username}");
        start.ArgumentList.Add($"--dbname={builder.Database}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
        return await output;
    }

    private static string Executable(string tool) =>
        Environment.GetEnvironmentVariable(TestDatabase.BinariesVariable) is { Length: > 0 } directory ? Path.Combine(directory, tool) : tool;
}
