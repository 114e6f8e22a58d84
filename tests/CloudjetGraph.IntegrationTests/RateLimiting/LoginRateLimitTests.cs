using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>Login and sign-up attempts are limited per account and per client address.</summary>
public sealed class LoginRateLimitTests
{
    private const string Login = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";
    private const string DemoOwner = "an.nguyen@saomaiviet.vn";

    [Fact]
    public async Task Anonymous_EleventhLoginForOneAccountWithinAMinute_IsRateLimitedWithRetryAfter()
    {
        await using var app = new CloudjetApplication().With("RateLimits:LoginsPerAccountPerMinute", "10");
        await app.InitializeAsync();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var guess = await app.Client().PostAsync(Login, new { email = DemoOwner, password = $"guess number {attempt}" });
            Assert.Equal(["AUTH_INVALID_CREDENTIALS"], guess.Codes);
            Assert.Null(guess.RetryAfter);
        }

        // The right password, in another spelling of the same account, is still refused.
        var eleventh = await app.Client().PostAsync(Login, new { email = " AN.Nguyen@SaoMaiViet.vn", password = "demo-owner-2019" });

        Assert.Equal(["RATE_LIMITED"], eleventh.Codes);
        Assert.Equal("""{"login":null}""", eleventh.Data?.ToJsonString());
        Assert.DoesNotContain("token", eleventh.Body, StringComparison.Ordinal);
        Assert.InRange(eleventh.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        await app.SignUpAsync(Owners.NewInput("other-account"));
        Assert.StartsWith("eyJ", await app.LoginAsync("kiem.thu.other-account@example.vn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_GuessesTheCurrentPasswordWithAStolenToken_IsRateLimitedPerAccountAndTheRightOneIsRefusedToo()
    {
        // The address limit out of the way: a careful attacker spreads their guesses over addresses.
        await using var app = new CloudjetApplication().With("RateLimits:LoginsPerAccountPerMinute", "3").With("RateLimits:LoginsPerAddressPerMinute", "1000");
        await app.InitializeAsync();
        await app.SignUpAsync(Owners.NewInput("guess-current"));
        var stolen = app.Client(await app.LoginAsync("kiem.thu.guess-current@example.vn"));
        const string change = "mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token } }";

        // The login spent one of the account's three attempts; each guess spends one more.
        var guesses = new List<string?>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            guesses.AddRange((await stolen.PostAsync(change, new { input = new { currentPassword = $"guess number {attempt}", newPassword = "a much longer passphrase" } })).Codes);
        }

        var right = await stolen.PostAsync(change, new { input = new { currentPassword = Owners.Password, newPassword = "a much longer passphrase" } });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "RATE_LIMITED"], guesses);
        Assert.Equal(["RATE_LIMITED"], right.Codes);
        Assert.NotNull(right.RetryAfter);
        Assert.Equal("""{"changeMyPassword":null}""", right.Data?.ToJsonString());
    }

    [Fact]
    public async Task Anonymous_LoginsFromOneAddressBeyondItsLimit_AreRateLimitedWhateverTheAccount()
    {
        await using var app = new CloudjetApplication().With("RateLimits:LoginsPerAddressPerMinute", "3");
        await app.InitializeAsync();
        for (var account = 0; account < 3; account++)
        {
            var attempt = await app.Client().PostAsync(Login, new { email = $"kiem.thu.spray{account}@example.vn", password = "Password123!" });
            Assert.Equal(["AUTH_INVALID_CREDENTIALS"], attempt.Codes);
        }

        var fourth = await app.Client().PostAsync(Login, new { email = DemoOwner, password = "demo-owner-2019" });

        Assert.Equal(["RATE_LIMITED"], fourth.Codes);
        Assert.NotNull(fourth.RetryAfter);
    }

    [Fact]
    public async Task Anonymous_SignUpsFromOneAddressBeyondItsLimit_AreRateLimitedAndWriteNothing()
    {
        await using var app = new CloudjetApplication().With("RateLimits:SignUpsPerAddressPerMinute", "2");
        await app.InitializeAsync();
        await app.SignUpAsync(Owners.NewInput("limit-1"));
        await app.SignUpAsync(Owners.NewInput("limit-2"));
        var third = Owners.NewInput("limit-3");
        third["invitationCode"] = await app.InviteAsync();
        var profiles = app.WithDb(db => db.Profiles.Count());

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input = third });

        Assert.Equal(["RATE_LIMITED"], response.Codes);
        Assert.NotNull(response.RetryAfter);
        Assert.Equal(profiles, app.WithDb(db => db.Profiles.Count()));
        Assert.False(app.InvitationIsUsed((string)third["invitationCode"]!));
    }
}
