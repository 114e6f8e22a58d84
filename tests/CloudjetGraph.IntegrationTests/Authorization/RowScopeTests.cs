using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>Sales and support reach only their assigned organisations; the rest looks like nothing.</summary>
[ProviderSensitive("row scopes are filters in the SQL of each read")]
public sealed class RowScopeTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string ProfileById = "query($id: ID!) { profile(id: $id) { id fullName } }";

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", 2)]
    [InlineData(DefaultRole.Support, "support-demo", 0)]
    public async Task Staff_ReadsProfileOfUnassignedOrganization_AnswersExactlyLikeMissingProfile(DefaultRole role, string subject, int unassignedOrganization)
    {
        var outOfReach = app.WithDb(db => db.Profiles.First(p => p.OrganizationId == Owners.OrganizationId(unassignedOrganization)).Id);
        var client = app.Client(app.StaffToken(role, subject));

        var hidden = await client.PostAsync(ProfileById, new { id = outOfReach });
        var missing = await client.PostAsync(ProfileById, new { id = Guid.CreateVersion7() });

        Assert.Equal("""{"data":{"profile":null}}""", hidden.Body);
        Assert.Equal(missing.Body, hidden.Body);
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", new[] { 0, 1 })]
    [InlineData(DefaultRole.Support, "support-demo", new[] { 1, 2 })]
    [InlineData(DefaultRole.Management, "management-demo", new[] { 0, 1, 2, 3 })]
    [InlineData(DefaultRole.Sales, "sales-unassigned", new int[0])]
    public async Task Staff_PagesThroughProfiles_SeesExactlyTheirOrganizations(DefaultRole role, string subject, int[] organizations)
    {
        var reachable = organizations.Select(Owners.OrganizationId).ToHashSet();
        var expected = app.WithDb(db => db.Profiles.Where(p => reachable.Contains(p.OrganizationId)).Select(p => p.Id).ToList()).ToHashSet();
        var client = app.Client(app.StaffToken(role, subject));

        var seen = new List<Guid>();
        string? after = null;
        do
        {
            var page = (await client.PostAsync(
                "query($after: String) { profiles(first: 50, after: $after) { totalCount nodes { id organization { id } } pageInfo { hasNextPage endCursor } } }",
                new { after })).Ok()["profiles"]!;
            Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
            foreach (var node in page["nodes"]!.AsArray())
            {
                seen.Add(Guid.Parse(node!["id"]!.GetValue<string>()));
                Assert.Contains(Guid.Parse(node["organization"]!["id"]!.GetValue<string>()), reachable);
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Sales_FiltersByUnassignedOrganization_GetsEmptyPage()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo")).PostAsync(
            "query($org: ID) { profiles(where: { organizationId: $org }) { totalCount nodes { id } } }", new { org = Owners.OrganizationId(3) });

        Assert.Equal("""{"data":{"profiles":{"totalCount":0,"nodes":[]}}}""", response.Body);
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", new[] { 0, 1 })]
    [InlineData(DefaultRole.Support, "support-demo", new[] { 1, 2 })]
    [InlineData(DefaultRole.Management, "management-demo", new[] { 0, 1, 2, 3 })]
    public async Task Staff_ListsOrganizations_SeesTheirOrganizations(DefaultRole role, string subject, int[] organizations)
    {
        var response = await app.Client(app.StaffToken(role, subject)).PostAsync("{ organizations { id } }");

        var ids = response.Ok()["organizations"]!.AsArray().Select(o => Guid.Parse(o!["id"]!.GetValue<string>()));
        Assert.Equal(organizations.Select(Owners.OrganizationId).Order(), ids.Order());
    }

    [Fact]
    public async Task Owner_ListsProfilesAndOrganizations_SeesOnlyOwn()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("scope"), organizationIndex: 3);
        var client = app.Client(await app.LoginAsync("kiem.thu.scope@example.vn"));

        var data = (await client.PostAsync("{ profiles { totalCount nodes { id } } organizations { id } }")).Ok();

        Assert.Equal(1, data["profiles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(profileId.ToString(), data["profiles"]!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Owners.OrganizationId(3).ToString(), data["organizations"]![0]!["id"]!.GetValue<string>());
        Assert.Single(data["organizations"]!.AsArray());
    }

    [Fact]
    public async Task KeyCustodian_ListsProfilesOrOrganizations_IsNotAuthorized()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-demo")).PostAsync("{ profiles { totalCount } organizations { id } }");

        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.Equal("""{"profiles":null,"organizations":null}""", response.Data!.ToJsonString());
    }
}
