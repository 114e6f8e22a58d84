using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>The anti-scraping cap: personal records one caller may receive per minute.</summary>
public sealed class PersonalRecordCapTests : IAsyncLifetime
{
    private const int Cap = 3;
    private readonly CloudjetApplication _app = new CloudjetApplication().With("RateLimits:PersonalRecordsPerMinute", $"{Cap}");

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Management_PageBeyondTheCap_ReleasesTheRecordAtItAndRefusesTheFirstOverIt()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-scraper"));

        var response = await management.PostAsync($"{{ profiles(first: {Cap + 2}) {{ nodes {{ id fullName phone }} }} }}");

        var nodes = response.Data!["profiles"]!["nodes"]!.AsArray();
        Assert.All(nodes.Take(Cap), node => Assert.NotNull(node!["fullName"]));
        Assert.All(nodes.Skip(Cap), node => Assert.Null(node!["fullName"]));
        Assert.All(nodes.Skip(Cap), node => Assert.Null(node!["phone"]));
        Assert.All(nodes, node => Assert.NotNull(node!["id"]));
        Assert.Equal(Enumerable.Repeat("RATE_LIMITED", 4), response.Codes);
        Assert.Equal("RATE_LIMITED", response.ErrorAt("profiles", "nodes", Cap, "fullName")!["extensions"]!["code"]!.GetValue<string>());
        Assert.InRange(response.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Management_PageBeyondTheCap_OneDenialRecordsTheRefusedFieldsOfEachProfileOverIt()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-capped"));
        var operation = AuditTrailRows.NewOperation("Capped");

        var response = await management.PostAsync($"query {operation} {{ profiles(first: {Cap + 2}) {{ nodes {{ id fullName phone }} }} }}");

        var refused = response.Data!["profiles"]!["nodes"]!.AsArray().Skip(Cap).Select(node => Guid.Parse(node!["id"]!.GetValue<string>())).Order().ToList();
        var denial = Assert.Single(AuditTrailRows.Of(_app, AuditEntryKinds.Denial, operation));
        Assert.Equal(
            ("Profile.fullName,Profile.phone", "requests=1; Profile.fullName RATE_LIMITED=1; Profile.phone RATE_LIMITED=1", "management", "management-capped"),
            (denial.Target, denial.Detail, denial.ActorRole, denial.ActorSubject));
        Assert.Equal(refused.Select(id => (id, "fullName,phone")), denial.Profiles.Select(p => (p.ProfileId, p.Fields)).Order());
    }

    // More refusals than a response holds: the check of every staff response against the trail (on
    // disposal) must still find the entry, though the last profiles' null fields lost their errors.
    [Fact]
    public async Task Management_PageCrossingTheCapWithMoreRefusalsThanAResponseHolds_ReleasesOnlyUpToTheCap()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-many"));
        var operation = AuditTrailRows.NewOperation("Many");

        var response = await management.PostAsync($"query {operation} {{ profiles(first: 50) {{ nodes {{ id fullName email phone skype department jobTitle loginEmail }} }} }}");

        var nodes = response.Data!["profiles"]!["nodes"]!.AsArray();
        Assert.Equal(50, nodes.Count);
        Assert.Equal([.. Enumerable.Repeat("RATE_LIMITED", 100), "LIMIT_EXCEEDED"], response.Codes);
        Assert.All(nodes.Skip(Cap), node => Assert.Null(node!["fullName"]));
        var released = AuditTrailRows.Release(_app, operation).Profiles.Select(p => p.ProfileId).Order();
        Assert.Equal(nodes.Take(Cap).Select(node => Guid.Parse(node!["id"]!.GetValue<string>())).Order(), released);
    }

    [Fact]
    public async Task Management_IdsOnlyAndRepeatedFields_DoNotCountAgainstTheCap()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-ids"));
        (await management.PostAsync("{ profiles(first: 50) { nodes { id createdAt organization { name } } } }")).Ok();

        var response = await management.PostAsync($"{{ profiles(first: {Cap}) {{ nodes {{ fullName email phone skype department jobTitle loginEmail }} }} }}");

        Assert.Empty(response.Codes);
        var next = await management.PostAsync("{ profiles(first: 1) { nodes { fullName } } }");
        Assert.Equal(["RATE_LIMITED"], next.Codes);
    }

    [Fact]
    public async Task Management_PastTheCap_APageAskingForAPersonalFieldIsRefusedWholeAndReadsNothing()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-spent"));
        (await management.PostAsync($"{{ profiles(first: {Cap}) {{ nodes {{ fullName }} }} }}")).Ok();
        var operation = AuditTrailRows.NewOperation("Spent");

        var response = await management.PostAsync($"query {operation} {{ profiles(first: {Cap + 2}) {{ totalCount nodes {{ id fullName }} }} }}");

        Assert.Null(response.Data!["profiles"]);
        Assert.Equal(["RATE_LIMITED"], response.Codes);
        Assert.NotNull(response.ErrorAt("profiles"));
        Assert.InRange(response.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Empty(AuditTrailRows.Of(_app, AuditEntryKinds.Release, operation));
        var denial = Assert.Single(AuditTrailRows.Of(_app, AuditEntryKinds.Denial, operation));
        Assert.Equal(("Query.profiles", "requests=1; Query.profiles RATE_LIMITED=1"), (denial.Target, denial.Detail));
        Assert.Empty(denial.Profiles);
    }

    // The personal field hidden where a selection search by the top-level names would miss it.
    [Theory]
    [InlineData("query { profiles(first: 2) { ...Page } } fragment Page on ProfileConnection { nodes { id } edges { node { id handle: skype } } }", "profiles")]
    [InlineData("query { page: profiles(first: 2) { nodes { id ... on Profile { jobTitle } } } }", "page")]
    [InlineData("query { profiles(first: 2) { nodes { id loginEmail @skip(if: true) } } }", "profiles")]
    public async Task Management_PastTheCap_APersonalFieldInAFragmentUnderAnAliasOrSkippedStillRefusesThePage(string query, string responseName)
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, $"management-hidden-{responseName}-{query.Length}"));
        (await management.PostAsync($"{{ profiles(first: {Cap}) {{ nodes {{ email }} }} }}")).Ok();

        var response = await management.PostAsync(query);

        Assert.Null(response.Data![responseName]);
        Assert.Equal("RATE_LIMITED", response.ErrorAt(responseName)!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Management_PastTheCap_APageWithoutPersonalFieldsIsStillServed()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-spent-ids"));
        (await management.PostAsync($"{{ profiles(first: {Cap}) {{ nodes {{ phone }} }} }}")).Ok();

        var page = (await management.PostAsync($"{{ profiles(first: {Cap + 2}) {{ totalCount nodes {{ id createdAt organization {{ name }} }} }} }}")).Ok();

        Assert.Equal(Cap + 2, page["profiles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Management_OverTheCap_DoesNotBlockAnotherCaller()
    {
        var scraper = _app.Client(_app.StaffToken(DefaultRole.Management, "management-greedy"));
        await scraper.PostAsync($"{{ profiles(first: {Cap + 1}) {{ nodes {{ fullName }} }} }}");

        var other = await _app.Client(_app.StaffToken(DefaultRole.Management, "management-other")).PostAsync("{ profiles(first: 1) { nodes { fullName } } }");

        Assert.NotNull(other.Ok()["profiles"]!["nodes"]![0]!["fullName"]);
    }
}
