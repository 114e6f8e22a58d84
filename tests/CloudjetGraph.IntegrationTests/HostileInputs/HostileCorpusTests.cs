using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// Every committed hostile case (<c>Corpus/*.json</c>) through HTTP: the status and codes it expects,
/// never a 5xx, a stack trace, a ciphertext, a personal value the caller may not read or a log
/// line at Error, and a refused request writes nothing but its audit entries.
/// </summary>
public sealed class HostileCorpusTests(HostileCorpusApplication app) : IClassFixture<HostileCorpusApplication>
{
    private static readonly IReadOnlyDictionary<string, HostileCase> Cases = HostileCase.LoadAll();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void Corpus_IsLargeAndCoversEveryClass()
    {
        Assert.True(Cases.Count >= 200, $"The corpus holds {Cases.Count} cases.");
        string[] classes = ["unbounded-work", "login", "sign-up", "get", "tokens", "values", "hygiene", "unicode", "injection", "cursors-and-ids", "json"];
        Assert.All(classes, name => Assert.Contains(Cases.Values, c => c.File == name + ".json"));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Case_Sent_GetsExpectedAnswerAndLeaksNothing(string name)
    {
        var hostileCase = Cases[name];
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        var errorLines = app.Logs.ErrorCount;
        using var request = HostileRequest.Build(hostileCase, app.Callers.Authorization(hostileCase.Caller));

        using var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        var (role, subject) = HostileCorpusApplication.RightsOf(hostileCase.Caller);
        ResponseInvariants.AssertSafe(response.StatusCode, body, app.Oracle.ForbiddenFor(role, subject), app.Oracle.StoredSecrets, name);
        Assert.Equal(hostileCase.Status, (int)response.StatusCode);
        Assert.Equal(errorLines, app.Logs.ErrorCount);
        Assert.Equal(hostileCase.Codes.Order(StringComparer.Ordinal), Codes(body).Order(StringComparer.Ordinal));
        if (hostileCase.Codes.Length > 0 || !hostileCase.MayWrite)
        {
            Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        }
        else
        {
            app.DataChanged();
        }
    }

    private static IEnumerable<string> Codes(string body) =>
        body.Length == 0 || System.Text.Json.Nodes.JsonNode.Parse(body)?["errors"] is not System.Text.Json.Nodes.JsonArray errors
            ? []
            : errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>() ?? "(none)").Distinct(StringComparer.Ordinal);
}
