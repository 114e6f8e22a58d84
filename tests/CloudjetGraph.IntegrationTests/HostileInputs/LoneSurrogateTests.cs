using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// A lone UTF-16 surrogate is not text: no email, name or reference can hold one. Written as a
/// GraphQL escape in the document or a JSON escape in the variables, it is a client's mistake,
/// refused as <c>VALIDATION</c> before anything runs, never an internal error in whatever code
/// first normalises, hashes or encodes the string.
/// </summary>
public sealed class LoneSurrogateTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    public static TheoryData<string, string> Requests => new()
    {
        // JSON bodies as sent on the wire: \\u in the document is GraphQL's escape, \u in variables JSON's.
        { "anonymous", """{"query":"mutation { login(email: \"\\uD800@x.vn\", password: \"a long enough password\") { token } }"}""" },
        { "anonymous", """{"query":"mutation($e: String!) { login(email: $e, password: \"a long enough password\") { token } }","variables":{"e":"\uD800@x.vn"}}""" },
        { "management", """{"query":"{ profiles(where: { email: \"\\uDFFF\" }) { totalCount } }"}""" },
        { "management", """{"query":"query($w: ProfileFilter) { profiles(where: $w) { totalCount } }","variables":{"w":{"email":"kiem\uDC00thu@x.vn"}}}""" },
        { "management", """{"query":"mutation { correctProfile(id: \"0193a000-0000-7000-8000-000000000001\", input: { jobTitle: \"\\uDBFF\" }, requestReference: \"CS-1\") { jobTitle } }"}""" },
        { "anonymous", """{"query":"mutation($i: SignUpInput!) { signUp(input: $i) { profileId } }","variables":{"i":{"invitationCode":"x","fullName":"Tr\uD83D\u1EA7n","email":"a@b.vn","password":"a long enough password","consent":{"accepted":true,"policyVersion":"2019-04-22"}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Anyone_SendsALoneSurrogateInAString_GetsValidationAndNothingRunsOrIsLoggedAsAnError(string caller, string body)
    {
        var errorsBefore = app.Logs.ErrorCount;
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (caller == "management")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.StaffToken(DefaultRole.Management, "management-demo"));
        }

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Null(response.Data);
        Assert.Equal(errorsBefore, app.Logs.ErrorCount);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }
}
