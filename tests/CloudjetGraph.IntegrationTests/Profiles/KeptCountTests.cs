using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Profiles;

/// <summary>
/// <c>totalCount</c> comes from per-organisation counts the database keeps as profiles are inserted
/// and deleted. They must equal a direct count of the rows after any interleaving of writers, and a
/// database that held profiles before the counts existed must start with them right.
/// </summary>
[ProviderSensitive("the counts are kept by triggers inside concurrent transactions, and backfilled by a migration")]
public sealed class KeptCountTests
{
    private const string EraseProfile = "mutation($id: ID!, $ref: String) { eraseProfile(id: $id, requestReference: $ref) { erasedProfiles } }";
    private const string EraseOrganization = "mutation($id: ID!, $ref: String) { eraseOrganization(id: $id, requestReference: $ref) { erasedProfiles } }";
    private const string TotalCount = "{ profiles(first: 1) { totalCount } }";

    private static readonly Guid[] SalesOrganizations = [Owners.OrganizationId(0), Owners.OrganizationId(1)];

    [Fact]
    public async Task Staff_AfterInterleavedSignUpsAndErasures_TotalCountEqualsRows()
    {
        await using var app = new CloudjetApplication().With("RateLimits:SignUpsPerAddressPerMinute", "1000");
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var cancelled = Guid.Parse((await management.PostAsync("mutation { createOrganization(input: { name: \"Công ty Đếm Hủy\" }) { id } }")).Ok()["createOrganization"]!["id"]!.GetValue<string>());
        await BulkProfiles.AddAsync(app.Services, cancelled, 450);
        var erased = app.WithDb(db => db.Profiles.Where(p => p.OrganizationId != cancelled).OrderBy(p => p.Id).Select(p => p.Id).Take(30).ToList());
        var invitations = new List<(string Code, int Organization)>();
        for (var n = 0; n < 30; n++)
        {
            invitations.Add((await app.InviteAsync(n % 3), n % 3));
        }

        // Every writer at once: sign-ups into three organisations, single erasures across them and
        // an organisation erased in batches, each in its own transaction.
        var writes = new List<Task>();
        writes.AddRange(invitations.Select((invitation, n) => SignUpAsync(app, invitation.Code, $"count-{n}")));
        writes.AddRange(erased.Select((id, n) => EraseAsync(app, EraseProfile, id, n)));
        writes.Add(EraseAsync(app, EraseOrganization, cancelled, 0));
        await Task.WhenAll(writes);

        var rows = await RowsPerOrganizationAsync(app);
        Assert.Equal(rows, await KeptPerOrganizationAsync(app));
        Assert.Equal(200 + 30 - 30, rows.Values.Sum());
        Assert.False(rows.ContainsKey(cancelled));
        Assert.Equal(rows.Values.Sum(), await TotalCountAsync(app, DefaultRole.Management, "management-demo"));
        Assert.Equal(SalesOrganizations.Sum(rows.GetValueOrDefault), await TotalCountAsync(app, DefaultRole.Sales, "sales-demo"));
    }

    [Fact]
    public async Task Migration_OnProfilesWrittenBeforeIt_CountsEveryOrganization()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        // Written with this build's columns, then taken back to before the kept counts with the rows in place.
        await BulkProfiles.AddAsync(app.Services, Owners.OrganizationId(2), 120);
        await app.ExecuteSqlAsync("DELETE FROM Profiles WHERE OrganizationId = $organization", ("$organization", Owners.OrganizationId(3)));
        await MigrateAsync(app, "DataKeyLifecycleStates");

        await MigrateAsync(app, target: null);

        var rows = await RowsPerOrganizationAsync(app);
        Assert.Equal(3, rows.Count);
        Assert.Equal(50 + 120, rows[Owners.OrganizationId(2)]);
        Assert.Equal(rows, await KeptPerOrganizationAsync(app));
        Assert.Equal(rows.Values.Sum(), await TotalCountAsync(app, DefaultRole.Management, "management-demo"));
    }

    private static async Task MigrateAsync(CloudjetApplication app, string? target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().GetService<IMigrator>().MigrateAsync(target);
    }

    private static async Task SignUpAsync(CloudjetApplication app, string code, string tag)
    {
        var input = Owners.NewInput(tag);
        input["invitationCode"] = code;
        (await app.Client().PostAsync(Owners.SignUpMutation, new { input })).Ok();
    }

    private static async Task EraseAsync(CloudjetApplication app, string mutation, Guid id, int request) =>
        (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(mutation, new { id, @ref = $"COUNT-{request}" })).Ok();

    private static async Task<int> TotalCountAsync(CloudjetApplication app, DefaultRole role, string subject) =>
        (await app.Client(app.StaffToken(role, subject)).PostAsync(TotalCount)).Ok()["profiles"]!["totalCount"]!.GetValue<int>();

    private static Task<Dictionary<Guid, long>> RowsPerOrganizationAsync(CloudjetApplication app) => app.WithDbAsync(db =>
        db.Profiles.GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count));

    // An organisation whose profiles are all gone keeps a row at zero; a negative count is drift.
    private static async Task<Dictionary<Guid, long>> KeptPerOrganizationAsync(CloudjetApplication app)
    {
        var kept = await app.WithDbAsync(db => db.OrganizationProfileCounts.ToDictionaryAsync(c => c.OrganizationId, c => c.ProfileCount));
        Assert.DoesNotContain(kept.Values, count => count < 0);
        return kept.Where(c => c.Value != 0).ToDictionary();
    }
}
