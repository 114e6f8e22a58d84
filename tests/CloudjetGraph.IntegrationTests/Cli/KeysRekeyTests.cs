using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys rekey</c> in process on a running test host's files: new keys, values identical through
/// the host's own (stale) key cache and through the gateway, scopes, dry run, bad input and the lease.
/// </summary>
[ProviderSensitive("rekey batches and the lease")]
public sealed class KeysRekeyTests
{
    [Fact]
    public async Task Custodian_RekeysAll_ValuesIdenticalCensusCleanAndRerunChangesNothing()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        var before = await ProfileValues.ReadAsync(host.Services);
        var oldKeys = KeyIds(host);
        var ownerName = (await host.Client(await host.LoginAsync(DemoDataSeeder.DemoOwnerEmail, DemoDataSeeder.DemoOwnerPassword)).PostAsync("{ me { fullName } }")).Ok()["me"]!["fullName"]!.GetValue<string>();
        var digests = await DigestsAsync(host);

        var (dry, dryOutput, dryError) = await Custodian.KeysAsync(settings, "rekey", "--all", "--dry-run");
        Assert.True(dry == 0, dryError);
        Assert.Contains($"keys rekey all (dry run, nothing written): {before.Count} examined, {before.Count} would change, 0 changed concurrently.", dryOutput, StringComparison.Ordinal);
        Assert.Equal(digests, await DigestsAsync(host));

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rekey", "--all", "--batch", "37");
        Assert.True(exitCode == 0, error);
        Assert.Contains($"keys rekey all: done; {before.Count} examined, {before.Count} changed, 0 changed concurrently.", output, StringComparison.Ordinal);

        // The host still caches the old keys: reads find the new key named in each header.
        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
        Assert.Empty(PersonKeyAudit.Problems(host));
        Assert.Empty(KeyIds(host).Intersect(oldKeys));
        var token = await host.LoginAsync(DemoDataSeeder.DemoOwnerEmail, DemoDataSeeder.DemoOwnerPassword);
        Assert.Equal(ownerName, (await host.Client(token).PostAsync("{ me { fullName } }")).Ok()["me"]!["fullName"]!.GetValue<string>());

        var status = Assert.Single(await host.Services.GetRequiredService<KeyJobStatusReader>().ReadAsync(CancellationToken.None));
        Assert.Equal((KeyJobKinds.Rekey, "all", KeyJobStates.Done, (long)before.Count, (long)before.Count, 0L, (string?)null), (status.Kind, status.Scope, status.State, status.Examined, status.Changed, status.Conflicts, status.Holder));

        // Done is done: a rerun writes nothing at all; only --restart begins anew.
        var afterDigests = await DigestsAsync(host);
        var (again, againOutput, againError) = await Custodian.KeysAsync(settings, "rekey", "--all");
        Assert.True(again == 0, againError);
        Assert.Contains("keys rekey all: nothing to do.", againOutput, StringComparison.Ordinal);
        Assert.Equal(afterDigests, await DigestsAsync(host));

        var firstRunKeys = KeyIds(host);
        var (restart, _, restartError) = await Custodian.KeysAsync(settings, "rekey", "--all", "--restart");
        Assert.True(restart == 0, restartError);
        Assert.Empty(KeyIds(host).Intersect(firstRunKeys));
        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
    }

    [Fact]
    public async Task Custodian_RekeysOneProfileThenOneOrganization_OnlyTheirKeysChange()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        var before = await ProfileValues.ReadAsync(host.Services);
        var keysBefore = KeysByProfile(host);
        var organization = DemoDataSeeder.Organizations[1].Id;
        var profiles = host.WithDb(db => db.Profiles.ToDictionary(p => p.Id, p => p.OrganizationId));
        var one = profiles.Keys.Order().First();

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rekey", "--profile", one.ToString());
        Assert.True(exitCode == 0, error);
        Assert.Contains($"keys rekey profile:{one}: done; 1 examined, 1 changed", output, StringComparison.Ordinal);
        var keysAfterOne = KeysByProfile(host);
        Assert.Equal([one], keysBefore.Where(k => keysAfterOne[k.Key] != k.Value).Select(k => k.Key));

        var (orgExit, orgOutput, orgError) = await Custodian.KeysAsync(settings, "rekey", "--organization", organization.ToString());
        Assert.True(orgExit == 0, orgError);
        var inOrganization = profiles.Where(p => p.Value == organization).Select(p => p.Key).ToHashSet();
        Assert.Contains($"keys rekey organization:{organization}: done; {inOrganization.Count} examined, {inOrganization.Count} changed", orgOutput, StringComparison.Ordinal);
        var keysAfter = KeysByProfile(host);
        Assert.Equal(inOrganization, keysAfterOne.Where(k => keysAfter[k.Key] != k.Value).Select(k => k.Key).ToHashSet());

        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
        Assert.Empty(PersonKeyAudit.Problems(host));
    }

    [Fact]
    public async Task Custodian_RekeysWithTamperedProfile_LeavesItUnderItsOldKeyAndMovesTheRest()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var other = host.WithDb(db => db.Profiles.Where(p => p.PasswordHash != null).Select(p => p.Id).First());
        var tampered = host.WithDb(db => db.Profiles.Where(p => p.Id != other).Select(p => p.Id).First());

        // Someone with write access to the file copies another row's password hash here: the access
        // tag no longer matches, and a rekey must not re-stamp (bless) the row.
        await host.ExecuteSqlAsync("UPDATE Profiles SET PasswordHash = (SELECT PasswordHash FROM Profiles WHERE Id = @other) WHERE Id = @id", ("@other", other), ("@id", tampered));
        var before = host.WithDb(db => db.Profiles.Single(p => p.Id == tampered));
        var oldKey = KeysByProfile(host)[tampered];

        var (exitCode, output, error) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "rekey", "--all");

        Assert.True(exitCode == 0, error);
        var profiles = host.WithDb(db => db.Profiles.Count());
        Assert.Contains($"done; {profiles} examined, {profiles - 1} changed", output, StringComparison.Ordinal);
        var after = host.WithDb(db => db.Profiles.Single(p => p.Id == tampered));
        Assert.Equal(before.FullName, after.FullName);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(before.AccessTag, after.AccessTag);
        Assert.Equal(before.Version, after.Version);
        Assert.Contains(oldKey, host.WithKeyStore(store => store.PersonKeys.Where(k => k.ProfileId == tampered).Select(k => k.Id).ToList()));
        Assert.Equal([$"profile {tampered} has 2 keys"], PersonKeyAudit.Problems(host));
    }

    [Theory]
    [InlineData("--profile", "not-a-guid")]
    [InlineData("--organization", "42")]
    [InlineData("--all", "--profile")]
    [InlineData("--batch", "10")]
    public async Task Custodian_RekeysWithBadScope_RefusedWithOneLineAndNothingWritten(string first, string second)
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var digests = await DigestsAsync(host);
        string[] arguments = second == "--profile" ? ["rekey", first, second, Guid.NewGuid().ToString()] : ["rekey", first, second];

        var (exitCode, output, error) = await Custodian.KeysAsync(Custodian.SettingsOf(host), arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal("keys rekey: give exactly one of --all, --organization ID or --profile ID, with an id like 0193a000-0000-7000-8000-000000000001.", error.Trim());
        Assert.Equal(digests, await DigestsAsync(host));
    }

    [Fact]
    public async Task Custodian_RekeysUnknownProfileOrOrganization_RefusedWithOneLine()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var digests = await DigestsAsync(host);
        var unknown = Guid.NewGuid();

        var (profileExit, profileOutput, profileError) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "rekey", "--profile", unknown.ToString());
        var (organizationExit, _, organizationError) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "rekey", "--organization", unknown.ToString(), "--dry-run");

        Assert.Equal((1, ""), (profileExit, profileOutput));
        Assert.Equal($"keys rekey: [NOT_FOUND] There is no profile {unknown}.", profileError.Trim());
        Assert.Equal(1, organizationExit);
        Assert.Equal($"keys rekey: [NOT_FOUND] There is no organization {unknown}.", organizationError.Trim());
        Assert.Equal(digests, await DigestsAsync(host));
    }

    [Fact]
    public async Task Custodian_RekeysWhileAnotherRunnerHoldsLease_ExitsFourNamingHolderThenRunsAfterExpiry()
    {
        // Long enough that the tool, starting on a loaded machine, still finds the lease held.
        await using var host = new CloudjetApplication().With("KeyJobs:LeaseDuration", "00:00:06");
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        await host.Services.GetRequiredService<KeyJobLeases>().AcquireAsync("other-runner/pid 1", KeyJobKinds.Rewrap, "all", CancellationToken.None);
        var digests = await DigestsAsync(host);

        var (held, heldOutput, heldError) = await Custodian.KeysAsync(settings, "rekey", "--all");
        Assert.Equal(4, held);
        Assert.Equal("", heldOutput);
        Assert.StartsWith("keys rekey: [KEY_JOB_RUNNING] Another runner holds the key job lease: other-runner/pid 1 (rewrap all), until ", heldError, StringComparison.Ordinal);
        Assert.Single(heldError.Trim().Split('\n'));
        Assert.Equal(digests, await DigestsAsync(host));

        // The holder never renews (it died): once its lease expires, another runner takes over.
        await KeyJobLeaseWait.UntilFreeAsync(host, TimeSpan.FromSeconds(30));
        settings["KeyJobs:LeaseDuration"] = "00:00:02";
        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rekey", "--all");
        Assert.True(exitCode == 0, error);
        Assert.Contains("done;", output, StringComparison.Ordinal);
        Assert.Null((await host.Services.GetRequiredService<KeyJobLeases>().ReadAsync(CancellationToken.None)).Holder);
    }

    [Fact]
    public async Task Runners_TakeLeaseAtOnce_ExactlyOneHoldsIt()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var leases = host.Services.GetRequiredService<KeyJobLeases>();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await leases.AcquireAsync($"runner-{i}", KeyJobKinds.Rekey, "all", CancellationToken.None);
                return $"runner-{i}";
            }
            catch (KeyJobLeaseHeldException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(attempts.OfType<string>());
        Assert.Equal(winner, (await leases.ReadAsync(CancellationToken.None)).Holder);
    }

    private static async Task<(string Profiles, string Keys)> DigestsAsync(CloudjetApplication host) =>
        (await DatabaseDigest.ExceptAuditTrailAsync(host), await DatabaseDigest.OfKeyStoreAsync(host));

    private static HashSet<Guid> KeyIds(CloudjetApplication host) => host.WithKeyStore(store => store.PersonKeys.Select(k => k.Id).ToHashSet());

    private static Dictionary<Guid, Guid> KeysByProfile(CloudjetApplication host) => host.WithKeyStore(store => store.PersonKeys.ToDictionary(k => k.ProfileId, k => k.Id));
}
