using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>
/// One login or signUp per request: aliases and fragments cannot pack guesses past the rate
/// limits. The host allows one login per account per minute, so a refused request that had
/// evaluated a login would leave the account's next login refused.
/// </summary>
public sealed class AccountOperationsPerRequestTests : IAsyncLifetime
{
    private readonly CloudjetApplication _app = new CloudjetApplication().With("RateLimits:LoginsPerAccountPerMinute", "1");

    public static TheoryData<string, string> PackedDocuments => new()
    {
        { "aliases", "mutation($e: String!) { a: login(email: $e, password: \"guess one!\") { token } b: login(email: $e, password: \"correct horse battery\") { token } }" },
        { "fragment twice", "mutation($e: String!) { ...L ...L } fragment L on Mutation { login(email: $e, password: \"correct horse battery\") { token } }" },
        { "nested fragments", "mutation($e: String!) { ...A } fragment A on Mutation { ...B ... on Mutation { ...B } } fragment B on Mutation { login(email: $e, password: \"correct horse battery\") { token } }" },
        { "inline fragments", "mutation($e: String!) { ... on Mutation { login(email: $e, password: \"x\") { token } } ... { x: login(email: $e, password: \"y\") { token } } }" },
        { "login and signUp", "mutation($e: String!) { login(email: $e, password: \"correct horse battery\") { token } signUp(input: { invitationCode: \"x\", fullName: \"x\", email: $e, password: \"correct horse battery\" }) { profileId } }" },
        { "skipped copy", "mutation($e: String!) { login(email: $e, password: \"correct horse battery\") { token } again: login(email: $e, password: \"correct horse battery\") @skip(if: true) { token } }" },
    };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [MemberData(nameof(PackedDocuments))]
    public async Task Anonymous_TwoAccountOperationsInOneRequest_AreRefusedAndNeitherIsEvaluated(string tag, string document)
    {
        var input = Owners.NewInput($"packed-{tag.Replace(' ', '-')}");
        await _app.SignUpAsync(input);
        var profiles = _app.WithDb(db => db.Profiles.Count());

        var response = await _app.Client().PostAsync(document, new { e = input["email"] });

        Assert.Equal(["TOO_MANY_ACCOUNT_OPERATIONS"], response.Codes);
        Assert.Null(response.Data);
        Assert.DoesNotContain("eyJ", response.Body, StringComparison.Ordinal);
        Assert.Equal(profiles, _app.WithDb(db => db.Profiles.Count()));
        Assert.StartsWith("eyJ", await _app.LoginAsync((string)input["email"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_OneLoginSelectedAmongSeveralOperations_IsEvaluated()
    {
        var input = Owners.NewInput("selected");
        await _app.SignUpAsync(input);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                query = "mutation A($e: String!) { login(email: $e, password: \"correct horse battery\") { token } } mutation B($e: String!) { login(email: $e, password: \"wrong\") { token } }",
                operationName = "A",
                variables = new { e = input["email"] },
            }),
        };

        var response = await _app.Client().SendAsync(request);

        Assert.StartsWith("eyJ", response.Ok()["login"]!["token"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
