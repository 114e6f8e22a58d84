using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Profiles;

/// <summary>
/// The directory counts and joins the organisation only when a query selects them (issue 10): these
/// prove that whatever way a query selects them (fragments, aliases, edges), they are still there.
/// </summary>
[ProviderSensitive("counts and joins in SQL")]
public sealed class SelectedPartsTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    [Fact]
    public async Task Management_SelectsTotalCountThroughAFragmentAndAnAlias_GetsTheCount()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(
            "{ profiles(first: 1) { ...Counted } } fragment Counted on ProfileConnection { all: totalCount }");

        Assert.Equal(DemoDataSeeder.ProfileCount, response.Ok()["profiles"]!["all"]!.GetValue<int>());
    }

    [Fact]
    public async Task Management_SelectsOrganizationThroughEdgesAndInlineFragment_GetsItsName()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(
            "{ profiles(first: 2) { edges { node { ... on Profile { id organization { name } } } } } }");

        var edges = response.Ok()["profiles"]!["edges"]!.AsArray();
        Assert.Equal(2, edges.Count);
        Assert.All(edges, edge => Assert.False(string.IsNullOrEmpty(edge!["node"]!["organization"]!["name"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Support_ReadsProfileWithOrganizationInANamedFragment_GetsItsName()
    {
        var client = app.Client(app.StaffToken(DefaultRole.Support, "support-demo"));
        var id = (await client.PostAsync("{ profiles(first: 1) { nodes { id } } }")).Ok()["profiles"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var response = await client.PostAsync(
            "query($id: ID!) { profile(id: $id) { ...WithOrganization } } fragment WithOrganization on Profile { organization { name } }", new { id });

        Assert.False(string.IsNullOrEmpty(response.Ok()["profile"]!["organization"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Management_PagesWithoutCountOrOrganization_GetsTheSameRowsAsWithThem()
    {
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        var bare = await client.PostAsync("{ profiles(first: 5) { nodes { id fullName } } }");
        var full = await client.PostAsync("{ profiles(first: 5) { totalCount nodes { id fullName organization { id } } } }");

        var fullNodes = full.Ok()["profiles"]!["nodes"]!.AsArray().Select(node => $"{node!["id"]}:{node["fullName"]}");
        var bareNodes = bare.Ok()["profiles"]!["nodes"]!.AsArray().Select(node => $"{node!["id"]}:{node["fullName"]}");
        Assert.Equal(fullNodes, bareNodes);
    }
}
