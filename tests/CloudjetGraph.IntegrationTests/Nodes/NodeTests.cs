using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Nodes;

/// <summary>
/// <c>node(id:)</c> answers exactly as <c>profile(id:)</c> does for a profile, and within the scope of
/// <c>organizations</c> for an organisation: what is out of reach is indistinguishable from what is missing.
/// </summary>
[ProviderSensitive("row scopes are filters in the SQL of each read")]
public sealed class NodeTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string NodeById = "query($id: ID!) { node(id: $id) { __typename id ... on Profile { fullName phone organization { name } } ... on Organization { name } } }";
    private const string ProfileById = "query($id: ID!) { profile(id: $id) { __typename id fullName phone organization { name } } }";

    [Fact]
    public async Task Support_FetchesAssignedProfileByNode_GetsWhatProfileByIdGives()
    {
        var client = app.Client(app.StaffToken(DefaultRole.Support, "support-demo"));
        var id = ProfileOf(1);

        var node = (await client.PostAsync(NodeById, new { id })).Ok()["node"]!;
        var profile = (await client.PostAsync(ProfileById, new { id })).Ok()["profile"]!;

        Assert.Equal("Profile", node["__typename"]!.GetValue<string>());
        Assert.Equal(id.ToString(), node["id"]!.GetValue<string>());
        Assert.StartsWith("*", node["phone"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(profile.ToJsonString(), node.ToJsonString());
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", 2)]
    [InlineData(DefaultRole.Support, "support-demo", 0)]
    public async Task Staff_FetchesProfileOfUnassignedOrganizationByNode_AnswersExactlyLikeUnknownId(DefaultRole role, string subject, int unassignedOrganization)
    {
        var client = app.Client(app.StaffToken(role, subject));

        var hidden = await client.PostAsync(NodeById, new { id = ProfileOf(unassignedOrganization) });
        var missing = await client.PostAsync(NodeById, new { id = Guid.CreateVersion7() });

        Assert.Equal("""{"data":{"node":null}}""", hidden.Body);
        Assert.Equal(missing.Body, hidden.Body);
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", 2)]
    [InlineData(DefaultRole.Support, "support-demo", 0)]
    public async Task Staff_FetchesUnassignedOrganizationByNode_AnswersExactlyLikeUnknownId(DefaultRole role, string subject, int unassignedOrganization)
    {
        var client = app.Client(app.StaffToken(role, subject));

        var hidden = await client.PostAsync(NodeById, new { id = Owners.OrganizationId(unassignedOrganization) });
        var missing = await client.PostAsync(NodeById, new { id = Guid.CreateVersion7() });

        Assert.Equal("""{"data":{"node":null}}""", hidden.Body);
        Assert.Equal(missing.Body, hidden.Body);
    }

    [Fact]
    public async Task Sales_FetchesAssignedOrganizationByNode_GetsItsName()
    {
        var organization = Owners.OrganizationId(1);
        var name = app.WithDb(db => db.Organizations.Single(o => o.Id == organization).Name);

        var response = await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo")).PostAsync(NodeById, new { id = organization });

        var expected = new JsonObject { ["node"] = new JsonObject { ["__typename"] = "Organization", ["id"] = organization.ToString(), ["name"] = name } };
        Assert.Equal(expected.ToJsonString(), response.Ok().ToJsonString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task Management_FetchesMalformedIdByNode_AnswersAsProfileByIdDoes(string id)
    {
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        var node = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        var profile = await client.PostAsync("query($id: ID!) { profile(id: $id) { id } }", new { id });

        Assert.Equal("""{"data":{"node":null}}""", node.Body);
        Assert.Equal(profile.Body.Replace("\"profile\"", "\"node\"", StringComparison.Ordinal), node.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DefaultRole.KeyCustodian)]
    public async Task CallerWhoReachesNoProfiles_FetchesByNode_IsRefusedAsProfileByIdIs(DefaultRole? role)
    {
        var client = role is { } staff ? app.Client(app.StaffToken(staff, "node-reach")) : app.Client();
        var id = ProfileOf(1);

        var node = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        var profile = await client.PostAsync("query($id: ID!) { profile(id: $id) { id } }", new { id });

        Assert.Null(node.Data!["node"]);
        Assert.NotEmpty(node.Codes);
        Assert.Equal(profile.Codes, node.Codes);
    }

    [Fact]
    public async Task Support_ReadsProfileByNode_ReleaseIsAuditedLikeProfileById()
    {
        var operation = AuditTrailRows.NewOperation("Node");
        var id = ProfileOf(1);

        (await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync($"query {operation}($id: ID!) {{ node(id: $id) {{ ... on Profile {{ id fullName phone }} }} }}", new { id })).Ok();

        var entry = AuditTrailRows.Release(app, operation);
        Assert.Equal(("support-demo", "support", OperationOutcomes.Succeeded), (entry.ActorSubject, entry.ActorRole, entry.Outcome));
        Assert.Equal((id, "fullName,phone:masked"), (Assert.Single(entry.Profiles).ProfileId, Assert.Single(entry.Profiles).Fields));
    }

    private Guid ProfileOf(int organization) => app.WithDb(db => db.Profiles.First(p => p.OrganizationId == Owners.OrganizationId(organization)).Id);
}
