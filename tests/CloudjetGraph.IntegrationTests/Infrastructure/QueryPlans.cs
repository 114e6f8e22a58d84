using System.Data.Common;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Records the queries a service sends through a context of its own, then asks the database how it
/// would run each one: <c>EXPLAIN QUERY PLAN</c> on SQLite, <c>EXPLAIN</c> on PostgreSQL, with the
/// same parameters. One plan line per returned string, indented by its depth in the plan (two
/// spaces per level on SQLite, PostgreSQL's own indentation).
/// </summary>
public sealed class QueryPlans(CloudjetApplication app) : DbCommandInterceptor
{
    private readonly List<(string Sql, List<(string Name, object? Value, System.Data.DbType Type, ICloneable? Clone)> Parameters)> recorded = [];

    /// <summary>The SQL of every recorded query.</summary>
    public IEnumerable<string> Queries => recorded.Select(r => r.Sql);

    /// <summary>A context on the application's database whose queries this records.</summary>
    public CloudjetDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<CloudjetDbContext>();
        DatabaseEngines.For(app.Provider).Use(options, app.ConnectionString);
        return new CloudjetDbContext(options.AddInterceptors(this).Options);
    }

    public void Clear() => recorded.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        recorded.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value, p.DbType, p as ICloneable))]));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>The plan of each recorded query whose SQL contains <paramref name="fragment"/>.</summary>
    public async Task<List<List<string>>> ExplainAsync(string fragment)
    {
        var plans = new List<List<string>>();
        await using var connection = await app.OpenDatabaseAsync();
        foreach (var (sql, parameters) in recorded.Where(r => r.Sql.Contains(fragment, StringComparison.Ordinal)))
        {
            await using var command = connection.CreateCommand();
            var postgres = app.Provider == DatabaseProvider.Postgres;
            command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
            foreach (var (name, value, type, clone) in parameters)
            {
                // Npgsql's parameters carry their PostgreSQL type (arrays, uuid); a copy keeps it.
                if (clone is not null)
                {
                    command.Parameters.Add(clone.Clone());
                    continue;
                }

                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                parameter.DbType = type;
                command.Parameters.Add(parameter);
            }

            var plan = new List<string>();
            var depths = new Dictionary<long, int> { [0] = -1 };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (postgres)
                {
                    plan.Add(reader.GetString(0));
                    continue;
                }

                // SQLite: id, parent, notused, detail.
                var depth = depths[reader.GetInt64(0)] = depths.GetValueOrDefault(reader.GetInt64(1), -1) + 1;
                plan.Add(new string(' ', 2 * depth) + reader.GetString(3));
            }

            plans.Add(plan);
        }

        return plans;
    }
}
