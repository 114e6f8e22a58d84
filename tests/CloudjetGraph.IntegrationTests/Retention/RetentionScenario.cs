using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>
/// A host whose clock starts <see cref="Age"/> back, so that what it records first is old to the
/// Cli's real clock: two anonymous refusals, a staff refusal and a staff release. Then its clock
/// catches up with today's and it records an invitation that expired unused and one used (both
/// backdated), and what must stay however retention is set: an open invitation and a recent
/// anonymous refusal.
/// </summary>
internal sealed class RetentionScenario : IAsyncDisposable
{
    /// <summary>How old the first records are: past every default retention period.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromDays(100);

    public const string OldRefusalA = "RetentionOldRefusalA";
    public const string OldRefusalB = "RetentionOldRefusalB";
    public const string StaffRefusal = "RetentionStaffRefusal";
    public const string StaffRelease = "RetentionStaffRelease";

    private RetentionScenario(CloudjetApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public CloudjetApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public required string ExpiredCode { get; init; }

    public required byte[] ExpiredEmailIndex { get; init; }

    public required Guid UsedBy { get; init; }

    /// <summary>Builds the scenario; the gateway's own retention is off unless <paramref name="settings"/> turn it on.</summary>
    public static async Task<RetentionScenario> CreateAsync(params (string Key, string Value)[] settings)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - Age);
        var app = new CloudjetApplication { Clock = clock }.With("Retention:RunInGateway", "false");
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        await app.InitializeAsync();
        await app.Client().PostAsync($"query {OldRefusalA} {{ keys {{ masterKeys {{ id }} }} }}");
        await app.Client().PostAsync($"query {OldRefusalB} {{ keys {{ masterKeys {{ id }} }} }}");

        // Tokens minted on a clock 100 days back are expired to the token check, which keeps real
        // time: staff entries are appended as the gateway's ledger appends them, and the
        // invitations are issued as createInvitation issues them.
        var profile = app.WithDb(db => db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).First());
        await app.Services.GetRequiredService<IAuditSink>().AppendAsync(
            [
                new AuditEntryDraft(AuditEntryKinds.Denial, new OperationActor("sales-retention", "sales"), StaffRefusal, "Query.keys", OperationOutcomes.Refused, "requests=1; Query.keys AUTH_NOT_AUTHORIZED=1", new Dictionary<Guid, string>()),
                new AuditEntryDraft(AuditEntryKinds.Release, new OperationActor("management-retention", "management"), StaffRelease, "1 profiles", OperationOutcomes.Succeeded, string.Empty, new Dictionary<Guid, string> { [profile] = "fullName" }),
            ],
            CancellationToken.None);
        var expired = await InviteAsync(app, "retention-expired@example.com");
        var used = await InviteAsync(app, null);
        var input = Owners.NewInput("retention-used");
        input["invitationCode"] = used;
        var usedBy = Guid.Parse((await app.Client().PostAsync(Owners.SignUpMutation, new { input })).Ok()["signUp"]!["profileId"]!.GetValue<string>());
        var expiredHash = InvitationCode.Hash(expired);
        return new RetentionScenario(app, clock)
        {
            ExpiredCode = expired,
            ExpiredEmailIndex = app.WithDb(db => db.Invitations.Single(i => i.CodeHash == expiredHash).EmailIndex!),
            UsedBy = usedBy,
        };
    }

    // One hour of validity, issued by management-retention as createInvitation issues it.
    private static async Task<string> InviteAsync(CloudjetApplication app, string? email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var management = new Caller(DefaultRole.Management.AsRole(), "management-retention", new HashSet<Guid>());
        var organization = app.WithDb(db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).First());
        var issued = await scope.ServiceProvider.GetRequiredService<CustomerOnboarding>().CreateInvitationAsync(management, organization, email, TimeSpan.FromHours(1), CancellationToken.None);
        return issued.Code;
    }

    /// <summary>The entries of <paramref name="kind"/> recorded for GraphQL operation <paramref name="operation"/>.</summary>
    public int Entries(string kind, string operation) => AuditTrailRows.Of(App, kind, operation).Count;

    /// <summary>Whether an invitation with this code is still stored.</summary>
    public bool InvitationExists(string code)
    {
        var hash = InvitationCode.Hash(code);
        return App.WithDb(db => db.Invitations.Any(i => i.CodeHash == hash));
    }

    /// <summary>Runs <c>retention run --yes</c> with the Cli, on the real clock.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] arguments) =>
        Custodian.RetentionAsync(Custodian.SettingsOf(App), arguments.Length == 0 ? ["run", "--yes"] : arguments);

    /// <summary>The scenario after one <c>retention run</c> by the Cli.</summary>
    public static async Task<RetentionScenario> PrunedAsync()
    {
        var scenario = await CreateAsync();
        (await scenario.RunCliAsync()).AssertDone();
        return scenario;
    }

    /// <summary>Runs <c>audit verify</c>.</summary>
    public Task<(int ExitCode, string Output, string Error)> VerifyAsync() => Custodian.AuditAsync(Custodian.SettingsOf(App), "verify");

    /// <summary>Runs <c>audit verify</c> on a trail tampered with, which must name <paramref name="sequence"/> first; returns its stderr.</summary>
    public async Task<string> AssertVerifyBrokenAtAsync(long sequence)
    {
        App.TrailTampered = true;
        var (exitCode, output, error) = await VerifyAsync();
        Assert.Equal((5, string.Empty), (exitCode, output));
        Assert.StartsWith($"audit verify: the chain is broken at entry {sequence}:", error, StringComparison.Ordinal);
        return error;
    }

    /// <summary>The checkpoint entries, oldest first.</summary>
    public List<AuditEntry> Checkpoints() => App.WithDb(db => db.AuditEntries.Where(e => e.Kind == AuditEntryKinds.Checkpoint).OrderBy(e => e.Sequence).ToList());

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
