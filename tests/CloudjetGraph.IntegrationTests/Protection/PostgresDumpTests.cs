using System.Text;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// On PostgreSQL there is no file to scan: what an operator's backup holds is a <c>pg_dump</c>. Dumps
/// of both databases, taken with PostgreSQL's own tool, hold no plaintext personal value and no
/// unwrapped person key (issue 8).
/// </summary>
[PostgresOnly("dumps the databases with pg_dump")]
public sealed class PostgresDumpTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    [Fact]
    public async Task PgDump_OfBothDatabases_HoldsNoSeededPlaintextAndNoUnwrappedPersonKey()
    {
        await app.SignUpAsync(Owners.NewInput("pg-dump"));
        var plaintexts = StoredPersonalValues.All(app.Services);
        Assert.True(plaintexts.Count > 700, $"Only {plaintexts.Count} distinct values to look for.");
        var keys = await EncryptionAtRestTests.UnwrapEveryPersonKeyAsync(app);
        Assert.Equal(app.WithDb(db => db.Profiles.Count()), keys.Count);

        var profiles = await PostgresTools.DumpAsync(app.ConnectionString);
        var keyStore = await PostgresTools.DumpAsync(app.DatabaseSettings()["ConnectionStrings:CloudjetKeys"]!);

        // The dumps are real: the sealed rows and the wrapped keys are in them, as bytea in hex.
        Assert.Contains("COPY public.\"Profiles\"", profiles, StringComparison.Ordinal);
        Assert.Contains("COPY public.\"PersonKeys\"", keyStore, StringComparison.Ordinal);
        foreach (var (name, dump) in new[] { ("profile database", profiles), ("key store", keyStore) })
        {
            foreach (var plaintext in plaintexts)
            {
                Assert.True(!dump.Contains(plaintext, StringComparison.Ordinal) && !dump.Contains(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(plaintext)), StringComparison.Ordinal), $"The {name}'s dump holds a plaintext personal value.");
            }

            Assert.All(keys.Values, key => Assert.True(!dump.Contains(Convert.ToHexStringLower(key), StringComparison.Ordinal), $"The {name}'s dump holds an unwrapped person key."));
        }
    }
}
