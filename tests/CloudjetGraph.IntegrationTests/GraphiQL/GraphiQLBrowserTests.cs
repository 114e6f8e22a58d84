using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>
/// GraphiQL in a real browser (Debian's chromium) against the gateway on Kestrel: a staff token in
/// the headers editor, a query run from the page, its answer in the result pane, and no violation of
/// the page's Content-Security-Policy on the way.
/// </summary>
public sealed class GraphiQLBrowserTests(KestrelCloudjetApplication app) : IClassFixture<KestrelCloudjetApplication>
{
    private const string Query = "{ profiles(first: 1) { nodes { fullName skype } } }";

    [ChromiumFact]
    public async Task Management_RunsAProfilesQueryInGraphiQL_SeesThePersonalValuesInTheResult()
    {
        var token = app.StaffToken(DefaultRole.Management, "management-demo");
        var expected = (await Gateway(token).PostAsync(Query)).Ok()["profiles"]!["nodes"]![0]!;
        await using var browser = await GraphiQLBrowser.OpenAsync(app.Address);

        // The page says where a token goes and how to get one before anything is typed.
        Assert.Contains("\"Authorization\": \"Bearer <token>\"", await browser.TextOfAsync("Headers"), StringComparison.Ordinal);
        var welcome = await browser.TextOfAsync("Operation Editor");
        Assert.Contains("login(email:", welcome, StringComparison.Ordinal);
        Assert.Contains("token --role management --sub management-demo", welcome, StringComparison.Ordinal);

        var result = await browser.RunAsync(Query, token);

        Assert.Contains($"\"fullName\": \"{expected["fullName"]!.GetValue<string>()}\"", result, StringComparison.Ordinal);
        var skype = expected["skype"] is { } value ? $"\"{value.GetValue<string>()}\"" : "null";
        Assert.Contains($"\"skype\": {skype}", result, StringComparison.Ordinal);
        Assert.DoesNotContain("\"errors\"", result, StringComparison.Ordinal);
        Assert.Empty(await browser.PolicyViolationsAsync());
    }

    [ChromiumFact]
    public async Task Sales_RunsAProfilesQueryWithSkypeInGraphiQL_SeesAuthNotAuthorizedForSkypeInThePage()
    {
        var token = app.StaffToken(DefaultRole.Sales, "sales-demo");
        var expected = (await Gateway(token).PostAsync(Query)).Data!["profiles"]!["nodes"]![0]!;
        await using var browser = await GraphiQLBrowser.OpenAsync(app.Address);

        var result = await browser.RunAsync(Query, token);

        Assert.Contains("\"message\": \"Your role may not read skype.\"", result, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"AUTH_NOT_AUTHORIZED\"", result, StringComparison.Ordinal);
        Assert.Contains("\"skype\": null", result, StringComparison.Ordinal);
        Assert.Contains($"\"fullName\": \"{expected["fullName"]!.GetValue<string>()}\"", result, StringComparison.Ordinal);
        Assert.Empty(await browser.PolicyViolationsAsync());
    }

    // A careless user on a shared computer: GraphiQL's history would keep the token in localStorage.
    [ChromiumFact]
    public async Task Management_RunsAQueryInGraphiQL_LeavesTheQueryButNoTokenInTheBrowsersStorage()
    {
        var token = app.StaffToken(DefaultRole.Management, "management-demo");
        await using var browser = await GraphiQLBrowser.OpenAsync(app.Address);

        await browser.RunAsync(Query, token);

        var stored = await browser.Page.EvaluateAsync<Dictionary<string, string>>("Object.fromEntries(Object.entries(localStorage))");
        Assert.Contains("fullName skype", stored["graphiql:queries"], StringComparison.Ordinal);
        Assert.All(stored.Values, value => Assert.DoesNotContain(token, value, StringComparison.Ordinal));
        Assert.All(stored.Values, value => Assert.DoesNotContain("Bearer", value, StringComparison.Ordinal));
    }

    private GraphQLClient Gateway(string token) => new(new HttpClient { BaseAddress = app.Address }, token);
}
