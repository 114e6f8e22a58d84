using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// <c>audit verify</c> passes on an untouched trail and, after the trail is changed directly in the
/// SQLite file, fails naming the first bad entry: one byte of a column, of a link, of a profile row;
/// an entry deleted; two swapped; a tail cut behind an anchored head.
/// </summary>
[ProviderSensitive("edits the audit chain's stored rows with SQL and verifies the chain")]
public sealed class AuditVerifyTests
{
    private const int AuditBroken = 5;

    [Fact]
    public async Task Cli_VerifiesUntouchedTrail_ExitsZeroWithCountAndHead()
    {
        await using var app = await WithReadsAsync();

        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify");

        Assert.True(exitCode == 0, error);
        var head = AuditTrailRows.Head(app);
        Assert.Matches($@"^Audit trail intact: {head} entries verified in \d+\.\d s \(\d+ entries/s\)\. Head: {head}:[0-9a-f]{{64}}$", output.Trim());
    }

    [Fact]
    public async Task Custodian_EditsOneByteOfAColumn_VerifyNamesThatEntry()
    {
        await using var app = await WithReadsAsync();
        var victim = AuditTrailRows.Head(app) - 2;

        // The last character becomes 'X' (an empty subject becomes "X"): PostgreSQL refuses a negative substr length.
        await app.ExecuteSqlAsync("UPDATE AuditEntries SET ActorSubject = CASE WHEN length(ActorSubject) > 0 THEN substr(ActorSubject, 1, length(ActorSubject) - 1) ELSE '' END || 'X' WHERE Sequence = $s", ("$s", victim));

        await AssertBrokenAtAsync(app, victim);
    }

    [Fact]
    public async Task Custodian_EditsOneByteOfALink_VerifyNamesThatEntry()
    {
        await using var app = await WithReadsAsync();
        var victim = AuditTrailRows.Head(app) - 1;
        var link = app.WithDb(db => db.AuditEntries.Single(e => e.Sequence == victim).Link!);
        link[7] ^= 0x01;

        await app.ExecuteSqlAsync("UPDATE AuditEntries SET Link = $link WHERE Sequence = $s", ("$link", link), ("$s", victim));

        await AssertBrokenAtAsync(app, victim);
    }

    [Fact]
    public async Task Custodian_EditsTheFieldsOfAProfileRow_VerifyNamesItsEntry()
    {
        await using var app = await WithReadsAsync();
        var victim = app.WithDb(db => db.AuditEntryProfiles.Min(p => p.EntrySequence));

        await app.ExecuteSqlAsync("UPDATE AuditEntryProfiles SET Fields = 'id' WHERE EntrySequence = $s", ("$s", victim));

        await AssertBrokenAtAsync(app, victim);
    }

    [Fact]
    public async Task Custodian_DeletesAnEntry_VerifyNamesTheMissingEntry()
    {
        await using var app = await WithReadsAsync();
        var victim = AuditTrailRows.Head(app) - 2;

        await app.ExecuteSqlAsync("DELETE FROM AuditEntryProfiles WHERE EntrySequence = $s; DELETE FROM AuditEntries WHERE Sequence = $s", ("$s", victim));

        var error = await AssertBrokenAtAsync(app, victim);
        Assert.Contains("missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_SwapsTwoEntries_VerifyNamesTheFirst()
    {
        await using var app = await WithReadsAsync();
        var (first, second) = (AuditTrailRows.Head(app) - 3, AuditTrailRows.Head(app) - 1);

        // Foreign keys off for the moves, as a tamperer with the database's owner rights can.
        await app.ExecuteSqlAsync(
            TestDatabase.Sql(sqlite: "PRAGMA foreign_keys = OFF;", postgres: "SET session_replication_role = replica;") + """

            UPDATE AuditEntries SET Sequence = -1 WHERE Sequence = $a; UPDATE AuditEntryProfiles SET EntrySequence = -1 WHERE EntrySequence = $a;
            UPDATE AuditEntries SET Sequence = $a WHERE Sequence = $b; UPDATE AuditEntryProfiles SET EntrySequence = $a WHERE EntrySequence = $b;
            UPDATE AuditEntries SET Sequence = $b WHERE Sequence = -1; UPDATE AuditEntryProfiles SET EntrySequence = $b WHERE EntrySequence = -1;
            """,
            ("$a", first),
            ("$b", second));

        await AssertBrokenAtAsync(app, first);
    }

    [Fact]
    public async Task Custodian_CutsTheTail_VerifyWithTheAnchoredHeadNamesIt()
    {
        await using var app = await WithReadsAsync();
        var (_, output, _) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify");
        var anchor = output.Trim().Split("Head: ")[1];
        var head = AuditTrailRows.Head(app);

        await app.ExecuteSqlAsync("DELETE FROM AuditEntryProfiles WHERE EntrySequence = $s; DELETE FROM AuditEntries WHERE Sequence = $s", ("$s", head));
        app.TrailTampered = true;

        // Without the anchor a cut tail looks like a shorter trail; with it, the cut is named.
        Assert.Equal(0, (await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify")).ExitCode);
        var (exitCode, _, error) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify", "--expect-head", anchor);
        Assert.Equal(AuditBroken, exitCode);
        Assert.Contains($"entry {head}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_RewritesTheChainBehindTheAnchor_VerifyNamesTheAnchoredEntry()
    {
        await using var app = await WithReadsAsync();
        var head = AuditTrailRows.Head(app);
        var forged = new AuditAnchor(head, new byte[AuditChainFormat.LinkLength]);

        var (exitCode, _, error) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify", "--expect-head", forged.ToString());

        Assert.Equal(AuditBroken, exitCode);
        Assert.Contains($"entry {head}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_VerifiesWithJson_GetsCountAndHeadOrTheBrokenCodeWithTheSameExitCode()
    {
        await using var app = await WithReadsAsync();
        var head = AuditTrailRows.Head(app);
        var forged = new AuditAnchor(head, new byte[AuditChainFormat.LinkLength]);

        var (intactExit, intactOutput, intactError) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify", "--json");
        var (brokenExit, brokenOutput, brokenError) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify", "--json", "--expect-head", forged.ToString());

        Assert.True(intactExit == 0, intactError);
        var intact = JsonNode.Parse(intactOutput)!;
        Assert.Equal((true, head), (intact["intact"]!.GetValue<bool>(), intact["verified"]!.GetValue<long>()));
        Assert.StartsWith($"{head}:", intact["head"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((AuditBroken, string.Empty), (brokenExit, brokenError));
        var broken = JsonNode.Parse(brokenOutput)!["error"]!;
        Assert.Equal("AUDIT_BROKEN", broken["code"]!.GetValue<string>());
        Assert.Contains($"entry {head}", broken["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("x:00")]
    [InlineData("0:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Custodian_PassesAMalformedAnchor_ExitsUsageWithOneLine(string anchor)
    {
        await using var app = await WithReadsAsync();

        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify", "--expect-head", anchor);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Custodian_VerifiesAMissingDatabase_ExitsOneAndCreatesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "cloudjet.db");

        var (exitCode, _, error) = await Custodian.AuditAsync(Custodian.SettingsOf(database, Path.Combine(folder, "keys")), "verify");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("audit verify: The database", error, StringComparison.Ordinal);
        Assert.False(await TestDatabase.ExistsAsync(database));
    }

    private static async Task<CloudjetApplication> WithReadsAsync()
    {
        var app = new CloudjetApplication();
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        for (var i = 0; i < 3; i++)
        {
            (await management.PostAsync("{ profiles(first: 2) { nodes { id fullName } } }")).Ok();
            await app.Client().PostAsync("{ keys { masterKeys { id } } }");
        }

        return app;
    }

    private static async Task<string> AssertBrokenAtAsync(CloudjetApplication app, long sequence)
    {
        app.TrailTampered = true;
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.SettingsOf(app), "verify");
        Assert.Equal((AuditBroken, string.Empty), (exitCode, output));
        Assert.StartsWith($"audit verify: the chain is broken at entry {sequence}:", error, StringComparison.Ordinal);
        return error;
    }
}
