using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Profiles;

[ProviderSensitive("search, counts and paging in SQL")]
public sealed class ProfileSearchTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string ByEmail = "query($email: String) { profiles(where: { email: $email }) { totalCount nodes { email } } }";

    [Fact]
    public async Task Management_SearchesByEmailInAnyCase_FindsTheProfileThroughTheBlindIndex()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync(ByEmail, new { email = "  AN.Nguyen@SaoMaiViet.vn" });

        Assert.Equal($$$"""{"profiles":{"totalCount":1,"nodes":[{"email":"{{{DemoDataSeeder.DemoOwnerEmail}}}"}]}}""", response.Ok().ToJsonString());
    }

    [Fact]
    public async Task Support_SearchesByEmailOutsideAssignedOrganizations_FindsNothing()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync(ByEmail, new { email = DemoDataSeeder.DemoOwnerEmail });

        Assert.Equal(0, response.Ok()["profiles"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task Management_AsksForPageSizeOutOfRange_GetsValidationError(int first)
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("query($first: Int) { profiles(first: $first) { totalCount } }", new { first });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Null(response.Data!["profiles"]);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("cHJvZmlsZTp4eXo=")]
    public async Task Management_PassesForeignCursor_GetsValidationError(string after)
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("query($after: String) { profiles(after: $after) { totalCount } }", new { after });

        Assert.Equal(["VALIDATION"], response.Codes);
    }

    [Fact]
    public async Task Management_PagesWithDefaultSize_GetsTwentyWithCursors()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("{ profiles { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }");

        var profiles = response.Ok()["profiles"]!;
        var edges = profiles["edges"]!.AsArray();
        Assert.Equal(20, edges.Count);
        Assert.True(profiles["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(edges[^1]!["cursor"]!.GetValue<string>(), profiles["pageInfo"]!["endCursor"]!.GetValue<string>());
    }
}
