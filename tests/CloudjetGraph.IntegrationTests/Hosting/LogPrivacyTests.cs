using System.Net.Http.Headers;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// A workload that tempts every logging path with personal data: invitations, sign-up, logins, failures,
/// values in query strings and variables, tampered ciphertext. Every host's logs are also
/// checked when it is disposed, so the whole test run is covered.
/// </summary>
[ProviderSensitive("EF Core logs each provider's SQL and parameters at Debug")]
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Gateway_UnderAPersonalDataWorkload_LogsNoPersonalValueNoTokenAndNoKey()
    {
        // An operator turning ASP.NET Core up to Information must still not log request lines.
        await using var app = new CloudjetApplication().With("Logging:LogLevel:Microsoft.AspNetCore", "Information");
        await app.InitializeAsync();
        var input = Owners.NewInput("logs");
        var profileId = await app.SignUpAsync(input);
        var ownerToken = await app.LoginAsync((string)input["email"]!);
        var usedCode = (string)input["invitationCode"]!;
        await app.Client().PostAsync(Owners.SignUpMutation, new { input });
        input["invitationCode"] = await app.InviteAsync(email: (string)input["email"]!);
        await app.Client().PostAsync(Owners.SignUpMutation, new { input });
        await app.Client().PostAsync("mutation { login(email: \"kiem.thu.logs@example.vn\", password: \"not the password\") { token } }");
        await app.Client(ownerToken).PostAsync("mutation { updateMyProfile(input: { phone: \"kiemthu-not-a-phone\" }) { id } }");
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        await management.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ profiles(where: { email: \"kiem.thu.logs@example.vn\" }) { nodes { fullName phone } } }")));
        await management.PostAsync("query($first: Int) { profiles(first: $first) { totalCount } }", new { first = "kiem.thu.logs@example.vn" });
        await app.ExecuteSqlAsync("UPDATE Profiles SET FullName = Email WHERE Id = $id", ("$id", profileId));
        var tampered = await management.PostAsync("query($id: ID!) { profile(id: $id) { fullName } }", new { id = profileId });
        using var badToken = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ me { id } }"}""", new MediaTypeHeaderValue("application/json")) };
        badToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ownerToken[..^4] + "AAAA");
        await app.Client().SendAsync(badToken);

        Assert.Equal(["DATA_INTEGRITY"], tampered.Codes);
        Assert.NotEmpty(app.Logs.Lines);
        LogPrivacy.AssertClean(app.Logs.Lines, [.. StoredPersonalValues.All(app.Services), ownerToken, ownerToken.Split('.')[2], usedCode, (string)input["invitationCode"]!]);
    }
}
