using System.Text.Json.Nodes;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Profiles;

/// <summary>
/// <c>profiles</c> pages both ways: <c>last</c>/<c>before</c> reads the same rows, scope and filter
/// as <c>first</c>/<c>after</c>, from the other end, and returns them oldest first; the page
/// information is truthful in both directions.
/// </summary>
[ProviderSensitive("keyset paging in SQL, both orders")]
public sealed class BackwardPagingTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          profiles(first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { id } }
            nodes { id }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Management_PagesBackFromTheEndOfAForwardPage_GetsItsFirstTwo()
    {
        var client = Management();
        var forward = await PageAsync(client, new { first = 3 });

        var backward = await PageAsync(client, new { last = 2, before = forward["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.Equal(Ids(forward).Take(2), Ids(backward));
        Assert.Equal(Cursors(forward).Take(2), Cursors(backward));
        Assert.Equal(Info(true, false, Cursors(forward)[0], Cursors(forward)[1]), InfoOf(backward));
    }

    [Fact]
    public async Task Management_PagesForwardFromTheStartAndAfterACursor_ReportsPreviousPagesTruthfully()
    {
        var client = Management();
        var first = await PageAsync(client, new { first = 2 });

        var second = await PageAsync(client, new { first = 2, after = Cursors(first)[0] });

        Assert.Equal(Info(true, false, Cursors(first)[0], Cursors(first)[1]), InfoOf(first));
        Assert.Equal(Info(true, true, Cursors(second)[0], Cursors(second)[1]), InfoOf(second));
        Assert.Equal(Ids(first)[1], Ids(second)[0]);
    }

    [Fact]
    public async Task Management_PagesBackwardFromTheEnd_GetsTheNewestOldestFirst()
    {
        var newest = app.WithDb(db => db.Profiles.Select(p => p.Id).ToList()).Order().TakeLast(3).ToList();

        var page = await PageAsync(Management(), new { last = 3 });

        Assert.Equal(newest, Ids(page));
        Assert.Equal(Info(false, true, Cursors(page)[0], Cursors(page)[2]), InfoOf(page));
    }

    [Fact]
    public async Task Management_PagesBackwardToTheFirstProfile_HasNoPreviousPage()
    {
        var client = Management();
        var start = await PageAsync(client, new { first = 3 });

        var page = await PageAsync(client, new { last = 5, before = Cursors(start)[2] });

        Assert.Equal(Ids(start).Take(2), Ids(page));
        Assert.False(InfoOf(page).HasPreviousPage);
        Assert.True(InfoOf(page).HasNextPage);
    }

    [Fact]
    public async Task Management_PagesBeforeTheFirstCursor_GetsAnEmptyPage()
    {
        var client = Management();
        var start = await PageAsync(client, new { first = 1 });

        var page = await PageAsync(client, new { last = 2, before = Cursors(start)[0] });

        Assert.Empty(Ids(page));
        Assert.Equal(Info(true, false, null, null), InfoOf(page));
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", new[] { 0, 1 })]
    [InlineData(DefaultRole.Support, "support-demo", new[] { 1, 2 })]
    public async Task Staff_PagesBackwardThroughProfiles_SeesExactlyTheirOrganizationsOnce(DefaultRole role, string subject, int[] organizations)
    {
        var reachable = organizations.Select(Owners.OrganizationId).ToHashSet();
        var expected = app.WithDb(db => db.Profiles.Where(p => reachable.Contains(p.OrganizationId)).Select(p => p.Id).ToList()).Order().ToList();
        var client = app.Client(app.StaffToken(role, subject));

        var seen = new List<Guid>();
        string? before = null;
        do
        {
            var page = await PageAsync(client, new { last = 7, before });
            seen.InsertRange(0, Ids(page));
            before = InfoOf(page).HasPreviousPage ? InfoOf(page).StartCursor : null;
        }
        while (before is not null);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Sales_FiltersBackwardByUnassignedOrganization_GetsEmptyPage()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo")).PostAsync(
            "query($org: ID) { profiles(last: 5, where: { organizationId: $org }) { totalCount nodes { id } } }", new { org = Owners.OrganizationId(3) });

        Assert.Equal("""{"data":{"profiles":{"totalCount":0,"nodes":[]}}}""", response.Body);
    }

    [Fact]
    public async Task Management_SearchesByEmailBackward_FindsTheProfile()
    {
        var response = await Management().PostAsync(
            "query($email: String) { profiles(last: 3, where: { email: $email }) { totalCount nodes { email } } }", new { email = DemoDataSeeder.DemoOwnerEmail });

        Assert.Equal($$$"""{"profiles":{"totalCount":1,"nodes":[{"email":"{{{DemoDataSeeder.DemoOwnerEmail}}}"}]}}""", response.Ok().ToJsonString());
    }

    [Theory]
    [InlineData("""{ "first": 2, "last": 2 }""")]
    [InlineData("""{ "first": 2, "before": "cHJvZmlsZTp4eXo=" }""")]
    [InlineData("""{ "last": 2, "after": "cHJvZmlsZTp4eXo=" }""")]
    public async Task Management_PagesBothWaysInOneRequest_GetsValidationError(string variables)
    {
        var response = await Management().PostAsync(Page, JsonNode.Parse(variables));

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Null(response.Data!["profiles"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task Management_AsksForBackwardPageSizeOutOfRange_GetsValidationError(int last)
    {
        var response = await Management().PostAsync("query($last: Int) { profiles(last: $last) { totalCount } }", new { last });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Null(response.Data!["profiles"]);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("cHJvZmlsZTp4eXo=")]
    public async Task Management_PassesForeignBeforeCursor_GetsValidationErrorNamingIt(string before)
    {
        var response = await Management().PostAsync("query($before: String) { profiles(before: $before) { totalCount } }", new { before });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("The 'before' cursor is not valid.", response.Errors[0]!["message"]!.GetValue<string>());
    }

    // At the default limits a default page fits the cost limit, so only a cost read from `last`
    // refuses this before it runs, exactly as a huge `first` is.
    [Fact]
    public async Task Management_AsksForAHugeBackwardPage_IsRefusedBeforeItRunsLikeAHugeForwardOne()
    {
        var forward = await Management().PostAsync("{ profiles(first: 1000000) { nodes { id } } }");
        var backward = await Management().PostAsync("{ profiles(last: 1000000) { nodes { id } } }");

        Assert.Equal(["LIMIT_EXCEEDED"], backward.Codes);
        Assert.Equal("cost", backward.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
        Assert.Equal(forward.Body, backward.Body);
    }

    private static List<Guid> Ids(JsonNode page)
    {
        var nodes = page["nodes"]!.AsArray().Select(node => Guid.Parse(node!["id"]!.GetValue<string>())).ToList();
        Assert.Equal(nodes, page["edges"]!.AsArray().Select(edge => Guid.Parse(edge!["node"]!["id"]!.GetValue<string>())));
        return nodes;
    }

    private static List<string> Cursors(JsonNode page) => [.. page["edges"]!.AsArray().Select(edge => edge!["cursor"]!.GetValue<string>())];

    private static PageInfoValues Info(bool hasNextPage, bool hasPreviousPage, string? startCursor, string? endCursor) => new(hasNextPage, hasPreviousPage, startCursor, endCursor);

    private static PageInfoValues InfoOf(JsonNode page)
    {
        var info = page["pageInfo"]!;
        return new(info["hasNextPage"]!.GetValue<bool>(), info["hasPreviousPage"]!.GetValue<bool>(), info["startCursor"]?.GetValue<string>(), info["endCursor"]?.GetValue<string>());
    }

    private static async Task<JsonNode> PageAsync(GraphQLClient client, object variables) => (await client.PostAsync(Page, variables)).Ok()["profiles"]!;

    private GraphQLClient Management() => app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

    private sealed record PageInfoValues(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
}
