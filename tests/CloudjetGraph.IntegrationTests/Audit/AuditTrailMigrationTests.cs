using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// The rows of the former <c>CustodianOperations</c> table become the first entries of the trail, in
/// order, sealed at the next start; releases linked before disclosures were told apart still verify
/// and show as reads.
/// </summary>
public sealed class AuditTrailMigrationTests
{
    private const string BeforeAuditTrail = "20261125191233_AddCustodianOperations";
    private const string BeforeDisclosures = "20261206024915_AuditPrunedEntries";

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "migrates a SQLite file written before the audit trail; PostgreSQL starts from one migration")]
    public async Task Gateway_StartsOnADatabaseWithCustodianOperations_MovesThemIntoAVerifiedChain()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new CloudjetApplication { DataDirectory = folder, KeepData = true })
        {
            await first.InitializeAsync();
        }

        // Taken back once the host is gone: its closing checks read the schema this build knows.
        await using (var db = new CloudjetDbContext(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "cloudjet.db")};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeAuditTrail);
        }

        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "cloudjet.db")};Pooling=False"))
        {
            await old.OpenAsync();
            await using var insert = old.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO CustodianOperations (At, ActorSubject, ActorRole, Operation, Target, Outcome, Detail) VALUES
                ('2026-11-25 10:00:00.1234567+00:00', 'alice', 'cli', 'keys.init', 'ring key 1', 'succeeded', 'Created.'),
                ('2026-11-25 11:30:00+00:00', 'custodian-1', 'keyCustodian', 'keys.rotate-data', 'data key 2', 'refused', 'In use.');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using var app = new CloudjetApplication { DataDirectory = folder };
        await app.InitializeAsync();

        var entries = app.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToList());
        Assert.Equal(
            [(1L, "keys.init", "alice", new DateTimeOffset(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero)), (2L, "keys.rotate-data", "custodian-1", new DateTimeOffset(2026, 11, 25, 11, 30, 0, TimeSpan.Zero))],
            entries.Take(2).Select(e => (e.Sequence, e.Operation, e.ActorSubject, e.At)));
        Assert.All(entries, e => Assert.Equal(AuditChainFormat.LinkLength, e.Link!.Length));
        var verification = await app.VerifyTrailAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(entries.Count, verification.Verified);
    }

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "migrates a SQLite file down to before disclosures were recorded; PostgreSQL starts from one migration")]
    public async Task Gateway_StartsOnATrailFromBeforeDisclosures_OldReadShowsAsAReadAndTheChainVerifies()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        var input = Owners.NewInput("before-disclosures");
        await using (var first = new CloudjetApplication { DataDirectory = folder, KeepData = true })
        {
            await first.InitializeAsync();
            var id = await first.SignUpAsync(input);
            (await first.Client(first.StaffToken(DefaultRole.Management, "management-demo")).PostAsync("query ByManagement($id: ID!) { profile(id: $id) { phone } }", new { id })).Ok();
        }

        // The disclosure columns dropped (the migration's own Down), as a trail written before them.
        await using (var db = new CloudjetDbContext(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "cloudjet.db")};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeDisclosures);
        }

        await using var app = new CloudjetApplication { DataDirectory = folder };
        await app.InitializeAsync();

        var log = (await app.Client(await app.LoginAsync((string)input["email"]!)).PostAsync("{ me { accessLog { kind operation legalBasis { law } confidentialUntil } } }")).Ok()["me"]!["accessLog"]!.AsArray();
        var read = Assert.Single(log)!;
        Assert.Equal(("READ", "ByManagement"), (read["kind"]!.GetValue<string>(), read["operation"]!.GetValue<string>()));
        Assert.Null(read["legalBasis"]);
        var verification = await app.VerifyTrailAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
