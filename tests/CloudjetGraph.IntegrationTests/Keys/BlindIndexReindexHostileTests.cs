using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CloudjetGraph.IntegrationTests.Keys.BlindIndexRotation;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// The reindex against a concurrent editor, against someone who writes index entries into the
/// database by hand, and against a row whose email no longer opens. Each test has its own host.
/// </summary>
[ProviderSensitive("reindex batches against concurrent writers")]
public sealed class BlindIndexReindexHostileTests
{
    private const string LoginMutation = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

    [Fact]
    public async Task Owner_EditsProfileWhileReindexBatchReadsIt_EditIsKeptAndRowReindexedNextPass()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var id = await host.SignUpAsync(Owners.NewInput("reindex-edit"));
        var editor = host.Client(await host.LoginAsync(EmailOf("reindex-edit")));
        var oldKey = ActiveKey(host);
        var newKey = await RotateAsync(host);
        var before = host.WithDb(db => db.Profiles.Where(p => p.Id.CompareTo(id) < 0).OrderByDescending(p => p.Id).Select(p => p.Id).First());
        var version = host.WithDb(db => db.Profiles.Single(p => p.Id == id).Version);

        var interceptor = new EditAfterFirstProfileRead(async () =>
            (await editor.PostAsync("mutation { updateMyProfile(input: { jobTitle: \"Sửa trong lúc reindex\" }) { id } }")).Ok());
        using (var scope = host.Services.CreateScope())
        {
            var options = new DbContextOptionsBuilder<CloudjetDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<CloudjetDbContext>>())
                .AddInterceptors(interceptor).Options;
            await using var db = new CloudjetDbContext(options);
            var reindexer = ActivatorUtilities.CreateInstance<BlindIndexReindexer>(scope.ServiceProvider, db);

            Assert.Equal(new KeyJobBatchResult(1, 0, 1, id), await reindexer.RunBatchAsync(before, 1, dryRun: false, CancellationToken.None));
        }

        Assert.True(interceptor.Fired);
        var edited = host.WithDb(db => db.Profiles.Single(p => p.Id == id));
        Assert.Equal(version + 1, edited.Version);
        Assert.Equal(oldKey, KeyOf(edited.LoginEmailIndex));
        Assert.Equal("Sửa trong lúc reindex", (await editor.PostAsync("{ me { jobTitle } }")).Ok()["me"]!["jobTitle"]!.GetValue<string>());

        Assert.Equal(new KeyJobBatchResult(1, 1, 0, id), await BatchAsync(host, before, 1));
        var reindexed = host.WithDb(db => db.Profiles.Single(p => p.Id == id));
        Assert.Equal((version + 2, newKey, newKey), (reindexed.Version, KeyOf(reindexed.EmailIndex), KeyOf(reindexed.LoginEmailIndex)));
        Assert.Equal("Sửa trong lúc reindex", (await editor.PostAsync("{ me { jobTitle } }")).Ok()["me"]!["jobTitle"]!.GetValue<string>());
        Assert.Equal(id, await OwnIdAsync(host, EmailOf("reindex-edit")));
    }

    [Fact]
    public async Task Attacker_CopiesOldLoginEntryOntoAnotherRow_LogsIntoNoOtherAccountAndReindexRestoresIt()
    {
        const string victimPassword = "the victim's own password";
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var source = await host.SignUpAsync(Owners.NewInput("copy-source"));
        var victimInput = Owners.NewInput("copy-victim");
        victimInput["password"] = victimPassword;
        var victim = await host.SignUpAsync(victimInput);
        var sourceEntry = host.WithDb(db => db.Profiles.Single(p => p.Id == source).LoginEmailIndex!);
        await RotateAsync(host);
        Assert.Equal(host.WithDb(db => db.Profiles.Count()), (await BatchAsync(host, null, 1000)).Changed);

        // The source's entry from before the rotation, written onto the victim's row: no unique clash.
        Assert.Equal(1, await host.ExecuteSqlAsync("UPDATE Profiles SET LoginEmailIndex = $entry WHERE Id = $id", ("$entry", sourceEntry), ("$id", victim)));

        var wrongPassword = await host.Client().PostAsync(LoginMutation, new { email = EmailOf("copy-source"), password = "not the password at all" });
        var victimsPassword = await host.Client().PostAsync(LoginMutation, new { email = EmailOf("copy-source"), password = victimPassword });
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], victimsPassword.Codes);
        Assert.Equal(wrongPassword.Body, victimsPassword.Body);
        Assert.Equal(source, await OwnIdAsync(host, EmailOf("copy-source")));
        Assert.NotNull(await host.LoginAsync(DemoDataSeeder.DemoOwnerEmail, DemoDataSeeder.DemoOwnerPassword));

        Assert.Equal(1, await PendingAsync(host));
        Assert.Equal(1, (await BatchAsync(host, null, 1000)).Changed);
        Assert.Equal(victim, await OwnIdAsync(host, EmailOf("copy-victim"), victimPassword));
        Assert.Equal(source, await OwnIdAsync(host, EmailOf("copy-source")));
    }

    [Fact]
    public async Task Attacker_ForgesEntryKeyIds_FindsNothingCountsThemAndReindexRestoresThem()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var id = await host.SignUpAsync(Owners.NewInput("forged"));
        var oldKey = ActiveKey(host);
        var newKey = await RotateAsync(host);
        var profiles = host.WithDb(db => db.Profiles.LongCount());
        await BatchAsync(host, null, 1000);

        // The new key's MACs relabelled: the login entry as the old key's, the email entry as a key nobody has.
        var row = host.WithDb(db => db.Profiles.Single(p => p.Id == id));
        var relabelled = BlindIndexFormat.Write(oldKey, row.LoginEmailIndex.AsSpan(BlindIndexFormat.KeyHeaderSize));
        var unknown = BlindIndexFormat.Write(Guid.NewGuid(), row.EmailIndex.AsSpan(BlindIndexFormat.KeyHeaderSize));
        await host.ExecuteSqlAsync("UPDATE Profiles SET LoginEmailIndex = $login, EmailIndex = $email WHERE Id = $id", ("$login", relabelled), ("$email", unknown), ("$id", id));

        var login = await host.Client().PostAsync(LoginMutation, new { email = EmailOf("forged"), password = Owners.Password });
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], login.Codes);
        Assert.Empty(await SearchAsync(host, EmailOf("forged")));
        await AssertCensusAsync(host, 1, (oldKey, 1), (newKey, 2 * profiles - 2));
        Assert.NotNull(await host.LoginAsync(DemoDataSeeder.DemoOwnerEmail, DemoDataSeeder.DemoOwnerPassword));
        Assert.Single(await SearchAsync(host, DemoDataSeeder.DemoOwnerEmail));

        Assert.Equal(new KeyJobBatchResult(1, 1, 0, id), await BatchAsync(host, null, 1000));
        Assert.Equal(id, await OwnIdAsync(host, EmailOf("forged")));
        Assert.Equal([id], await SearchAsync(host, EmailOf("forged")));
        await AssertCensusAsync(host, 0, (oldKey, 0), (newKey, 2 * profiles));
    }

    [Fact]
    public async Task Custodian_ReindexesWithShreddedProfile_ReindexesTheRestAndExitsWithError()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var shredded = await host.SignUpAsync(Owners.NewInput("reindex-shredded"));
        Assert.True(await host.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(shredded, CancellationToken.None));
        var oldKey = ActiveKey(host);
        var newKey = await RotateAsync(host);
        var profiles = host.WithDb(db => db.Profiles.LongCount());

        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "reindex", "--batch", "50");

        Assert.Equal(1, exitCode);
        Assert.Contains($"keys reindex all: done; {profiles} examined, {profiles - 1} changed, 0 changed concurrently.", stdout, StringComparison.Ordinal);
        Assert.EndsWith("keys reindex: 1 profile(s) still pending: changed concurrently (run it again) or their email no longer opens (shredded or damaged; the log names them).", stderr.Trim(), StringComparison.Ordinal);
        await AssertCensusAsync(host, 0, (oldKey, 2), (newKey, 2 * (profiles - 1)));
        Assert.Equal(1, await PendingAsync(host));
    }

    private static Guid? KeyOf(byte[]? entry) => BlindIndexFormat.TryReadKeyId(entry, out var keyId) ? keyId : null;
}
