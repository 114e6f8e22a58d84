using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>Every staff read of personal fields leaves one release entry listing exactly the fields returned, per profile, before the response.</summary>
[ProviderSensitive("audit appends, twenty of them concurrent")]
public sealed class StaffReleaseAuditTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private Guid ProfileOf(int organization) => app.WithDb(db => db.Profiles.OrderBy(p => p.Id).First(p => p.OrganizationId == Owners.OrganizationId(organization)).Id);

    [Fact]
    public async Task Management_ReadsEveryField_EntryListsEveryPersonalField()
    {
        var operation = AuditTrailRows.NewOperation("Read");
        var id = ProfileOf(3);
        var subject = $"management-{Guid.NewGuid():N}";

        (await app.Client(app.StaffToken(DefaultRole.Management, subject)).PostAsync(
            $"query {operation}($id: ID!) {{ profile(id: $id) {{ id fullName email phone skype department jobTitle loginEmail consent {{ acceptedAt }} createdAt }} }}", new { id })).Ok();

        var entry = AuditTrailRows.Release(app, operation);
        Assert.Equal((subject, "management", OperationOutcomes.Succeeded), (entry.ActorSubject, entry.ActorRole, entry.Outcome));
        var row = Assert.Single(entry.Profiles);
        Assert.Equal((id, "consent,department,email,fullName,jobTitle,loginEmail,phone,skype"), (row.ProfileId, row.Fields));
    }

    [Fact]
    public async Task Support_ReadsPhone_EntryListsMaskedPhone()
    {
        var operation = AuditTrailRows.NewOperation("Read");
        var id = ProfileOf(1);

        var data = (await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync($"query {operation}($id: ID!) {{ profile(id: $id) {{ id fullName phone }} }}", new { id })).Ok();

        Assert.StartsWith("*", data["profile"]!["phone"]!.GetValue<string>(), StringComparison.Ordinal);
        var row = Assert.Single(AuditTrailRows.Release(app, operation).Profiles);
        Assert.Equal((id, "fullName,phone:masked"), (row.ProfileId, row.Fields));
    }

    [Fact]
    public async Task Sales_ReadsSkype_DeniedFieldIsRecordedAsDenialNotRelease()
    {
        var operation = AuditTrailRows.NewOperation("Read");
        var id = ProfileOf(0);

        var response = await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo")).PostAsync($"query {operation}($id: ID!) {{ profile(id: $id) {{ id email skype }} }}", new { id });

        Assert.Equal([ErrorCodes.NotAuthorized], response.Codes);
        Assert.Equal((id, "email"), (Assert.Single(AuditTrailRows.Release(app, operation).Profiles).ProfileId, Assert.Single(AuditTrailRows.Release(app, operation).Profiles).Fields));
        var denial = Assert.Single(AuditTrailRows.Of(app, AuditEntryKinds.Denial, operation));
        Assert.Equal(("Profile.skype", "requests=1; Profile.skype AUTH_NOT_AUTHORIZED=1", "sales-demo", "sales"), (denial.Target, denial.Detail, denial.ActorSubject, denial.ActorRole));
        Assert.Equal((id, "skype"), (Assert.Single(denial.Profiles).ProfileId, Assert.Single(denial.Profiles).Fields));
    }

    [Fact]
    public async Task Management_ReadsPageOf50_OneEntryListsEachProfileReturned()
    {
        var operation = AuditTrailRows.NewOperation("Page");

        var nodes = (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync($"query {operation} {{ profiles(first: 50) {{ nodes {{ id email jobTitle }} }} }}")).Ok()["profiles"]!["nodes"]!.AsArray();

        var entry = AuditTrailRows.Release(app, operation);
        Assert.Equal(50, nodes.Count);
        Assert.Equal(nodes.Select(n => Guid.Parse(n!["id"]!.GetValue<string>())).Order(), entry.Profiles.Select(p => p.ProfileId).Order());
        Assert.All(entry.Profiles, p => Assert.Equal("email,jobTitle", p.Fields));
        Assert.Equal("50 profiles", entry.Target);
    }

    [Fact]
    public async Task Management_AliasesAField_EntryNamesTheSchemaFieldNotTheAlias()
    {
        var operation = AuditTrailRows.NewOperation("Alias");
        var id = ProfileOf(2);

        (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync($"query {operation}($id: ID!) {{ profile(id: $id) {{ id leak: fullName again: fullName }} }}", new { id })).Ok();

        Assert.Equal("fullName", Assert.Single(AuditTrailRows.Release(app, operation).Profiles).Fields);
    }

    [Fact]
    public async Task Staff_ReadsOnlyIds_NoReleaseEntry()
    {
        var operation = AuditTrailRows.NewOperation("Ids");

        (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync($"query {operation} {{ profiles(first: 5) {{ nodes {{ id createdAt }} }} }}")).Ok();

        Assert.Empty(AuditTrailRows.Of(app, AuditEntryKinds.Release, operation));
    }

    [Fact]
    public async Task Owner_ReadsOwnProfile_NoReleaseEntry()
    {
        var operation = AuditTrailRows.NewOperation("Me");
        var owner = app.Client(await app.LoginAsync(Core.Seeding.DemoDataSeeder.DemoOwnerEmail, Core.Seeding.DemoDataSeeder.DemoOwnerPassword));

        (await owner.PostAsync($"query {operation} {{ me {{ id fullName email }} }}")).Ok();

        Assert.Empty(AuditTrailRows.Of(app, AuditEntryKinds.Release, operation));
    }

    [Fact]
    public async Task Anonymous_AsksForKeys_DenialRecordedWithCode()
    {
        var operation = AuditTrailRows.NewOperation("Keys");

        var response = await app.Client().PostAsync($"query {operation} {{ keys {{ masterKeys {{ id }} }} }}");

        var denial = Assert.Single(AuditTrailRows.Of(app, AuditEntryKinds.Denial, operation));
        Assert.Equal(("Query.keys", $"requests=1; Query.keys {response.Codes.Single()}=1", "anonymous", string.Empty), (denial.Target, denial.Detail, denial.ActorRole, denial.ActorSubject));
        Assert.Empty(denial.Profiles);
    }

    [Fact]
    public async Task Management_TwentyConcurrentReads_EachHasItsEntryAndTheChainHolds()
    {
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var id = ProfileOf(1);
        var operations = Enumerable.Range(0, 20).Select(_ => AuditTrailRows.NewOperation("Concurrent")).ToList();

        var responses = await Task.WhenAll(operations.Select(operation => client.PostAsync($"query {operation}($id: ID!) {{ profile(id: $id) {{ id phone }} }}", new { id })));

        Assert.All(responses, r => r.Ok());
        Assert.All(operations, operation => Assert.Equal("phone", Assert.Single(AuditTrailRows.Release(app, operation).Profiles).Fields));
        var verification = await app.VerifyTrailAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(AuditTrailRows.Head(app), verification.Verified);
    }
}
