using System.Text.RegularExpressions;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Lets the tests' raw SQL, written for SQLite, run on PostgreSQL where the two share a dialect:
/// EF Core's mixed-case table and column names must be quoted there, and parameters are <c>@name</c>.
/// SQL beyond that (PRAGMA, triggers, blob literals) is chosen per run with <see cref="TestDatabase.Sql"/>.
/// </summary>
public static partial class PostgresSql
{
    public static string Translate(string sql, IReadOnlySet<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var withParameters = Parameter().Replace(sql, match => "@" + match.Groups[1].Value);
        return Word().Replace(withParameters, match => identifiers.Contains(match.Value) ? $"\"{match.Value}\"" : match.Value);
    }

    // Words outside quotes: an already quoted name or a string literal is left as it is.
    [GeneratedRegex("(?<![\"'@\\w])[A-Za-z_][A-Za-z0-9_]*(?![\"'\\w])")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
