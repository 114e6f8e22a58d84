using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// Seeded fuzzing: ten thousand mutations of valid operations and their variables, sent as the
/// role each operation belongs to. None may answer 5xx, leak a secret or a value the caller may not
/// read, log at Error, or write anything when it is refused. The seed makes a failure repeatable.
/// </summary>
public sealed class FuzzTests(HostileCorpusApplication app) : IClassFixture<HostileCorpusApplication>
{
    private const int Seed = 20261125;
    private const int CaseCount = 10_000;

    private static readonly (string Caller, string Query, JsonObject? Variables)[] Seeds =
    [
        ("management", "query Page($first: Int, $after: String, $email: String) { profiles(first: $first, after: $after, where: { email: $email }) { totalCount nodes { id fullName email phone skype department jobTitle loginEmail consent { policyVersion } organization { name } createdAt } pageInfo { hasNextPage endCursor } } }", new() { ["first"] = 5 }),
        ("sales", "query Page($first: Int, $org: ID) { profiles(first: $first, where: { organizationId: $org }) { totalCount nodes { id fullName email phone skype loginEmail } } }", new() { ["first"] = 5 }),
        ("support", "{ profiles(first: 3) { edges { cursor node { fullName phone skype consent { acceptedAt } } } } organizations { id name } }", null),
        ("support", "query One($id: ID!) { profile(id: $id) { ...P } } fragment P on Profile { id fullName phone }", new() { ["id"] = "0193a000-0000-7000-8000-000000000001" }),
        ("owner", "{ me { id fullName email phone skype department jobTitle loginEmail consent { acceptedAt policyVersion } organization { name } } }", null),
        ("owner", "mutation Edit($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { fullName department updatedAt } }", new() { ["input"] = new JsonObject { ["department"] = "Phòng Kiểm thử", ["jobTitle"] = "Chuyên viên" } }),
        ("anonymous", "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }", new() { ["email"] = "an.nguyen@saomaiviet.vn", ["password"] = "not the password" }),
        ("anonymous", "mutation Join($input: SignUpInput!) { signUp(input: $input) { profileId } }", new() { ["input"] = new JsonObject { ["invitationCode"] = "no-such-invitation", ["fullName"] = "Lê Văn Mờ", ["email"] = "mo.le@fuzz.example.vn", ["password"] = "a long enough password", ["consent"] = new JsonObject { ["accepted"] = true, ["policyVersion"] = "2019-04-22" } } }),
        ("keyCustodian", "{ organizations { name } me { id } }", null),
        ("anonymous", "{ __typename organizations { name } }", null),
    ];

    [Fact]
    public async Task MutatedOperations_Sent_NeverFailOrLeakOrWriteWhenRefused()
    {
        var mutator = new OperationMutator(Seed);
        var clients = Seeds.Select(s => s.Caller).Distinct().ToDictionary(caller => caller, CreateClient);
        var executed = 0;

        // The database (audit trail aside) as the watch last looked at it: the next mutation
        // starts from it unless a write was accepted since. A new digest is taken only when
        // something was committed since (a refusal's audit entry, say), which saves most of them.
        await using var watch = await CommitWatch.OpenAsync(app);
        string? digest = null;
        var commitsSeen = 0;
        for (var i = 0; i < CaseCount; i++)
        {
            var (caller, seedQuery, seedVariables) = Seeds[i % Seeds.Length];
            var (query, variables) = mutator.Mutate(seedQuery, seedVariables);
            var isMutation = seedQuery.StartsWith("mutation", StringComparison.Ordinal);
            if (isMutation && digest is null)
            {
                await watch.CommittedSinceLastLookAsync();
                digest = await DatabaseDigest.ExceptAuditTrailAsync(app);
            }

            using var content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await clients[caller].PostAsync("/graphql", content);
            var body = await response.Content.ReadAsStringAsync();

            var context = $"fuzz case {i} (seed {Seed})";
            var (role, subject) = HostileCorpusApplication.RightsOf(caller);
            ResponseInvariants.AssertSafe(response.StatusCode, body, app.Oracle.ForbiddenFor(role, subject), app.Oracle.StoredSecrets, context);
            var data = body.Length > 0 ? JsonNode.Parse(body)?["data"] : null;
            executed += data is JsonObject { Count: > 0 } ? 1 : 0;
            if (isMutation && data?["updateMyProfile"] is null)
            {
                if (await watch.CommittedSinceLastLookAsync())
                {
                    commitsSeen++;
                    var after = await DatabaseDigest.ExceptAuditTrailAsync(app);
                    Assert.True(digest == after, $"{context}: a refused mutation, or a query since the last mutation, wrote to the database.");
                }
            }
            else if (isMutation)
            {
                digest = null;
                app.DataChanged();
            }
        }

        Assert.Equal(0, app.Logs.ErrorCount);

        // Refusals are audited, so a watch that never saw a commit watched something else.
        Assert.True(commitsSeen > 0, "The commit watch saw no commit in the whole run.");

        // A fuzzer whose every case fails to parse tests only the parser.
        Assert.True(executed > CaseCount / 10, $"Only {executed} of {CaseCount} fuzz cases reached execution.");
    }

    private HttpClient CreateClient(string caller)
    {
        var client = app.CreateClient();
        if (app.Callers.Authorization(caller) is { } authorization)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return client;
    }
}
