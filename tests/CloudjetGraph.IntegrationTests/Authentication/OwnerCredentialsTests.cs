using System.Buffers.Binary;
using System.Security.Claims;
using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>
/// An owner's credentials: a password change ends every token issued before it, an erasure ends
/// the account's tokens, a wrong current password changes nothing, and a hash stored at a lower
/// cost is re-hashed at the configured one at the next login.
/// </summary>
public sealed class OwnerCredentialsTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string NewPassword = "a much longer passphrase";
    private const string ChangePassword = "mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token expiresAt } }";

    [Fact]
    public async Task ChangeMyPassword_OldTokenNoLongerReadsOrWrites_NewTokenAndPasswordWork()
    {
        var tag = "change-password";
        var profileId = await app.SignUpAsync(Owners.NewInput(tag));
        var oldToken = await app.LoginAsync(Email(tag));
        var secondOldToken = await app.LoginAsync(Email(tag));

        var response = await app.Client(oldToken).PostAsync(ChangePassword, new { input = new { currentPassword = Owners.Password, newPassword = NewPassword } });

        var newToken = response.Ok()["changeMyPassword"]!["token"]!.GetValue<string>();
        await InvalidTokenResponse.AssertRefusedAsync(app, oldToken);
        await InvalidTokenResponse.AssertRefusedAsync(app, secondOldToken, "mutation { updateMyProfile(input: { jobTitle: \"Changed by a stolen token\" }) { jobTitle } }");
        Assert.Equal($"Chuyên viên {tag}", await JobTitleAsync(newToken));
        Assert.Equal(profileId.ToString(), (await app.Client(newToken).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<string>());
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], (await LoginAsync(Email(tag), Owners.Password)).Codes);
        await app.LoginAsync(Email(tag), NewPassword);
    }

    [Fact]
    public async Task ChangeMyPassword_WrongCurrentPassword_ChangesNothingAndKeepsTheToken()
    {
        var tag = "wrong-current";
        await app.SignUpAsync(Owners.NewInput(tag));
        var token = await app.LoginAsync(Email(tag));

        var response = await app.Client(token).PostAsync(ChangePassword, new { input = new { currentPassword = "not my password", newPassword = NewPassword } });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], response.Codes);
        Assert.Null(response.Data!["changeMyPassword"]);
        Assert.Equal($"Chuyên viên {tag}", await JobTitleAsync(token));
        await app.LoginAsync(Email(tag), Owners.Password);
    }

    [Fact]
    public async Task ChangeMyPassword_NewPasswordBreaksTheRules_IsValidationAndChangesNothing()
    {
        var tag = "short-new";
        await app.SignUpAsync(Owners.NewInput(tag));
        var token = await app.LoginAsync(Email(tag));

        var response = await app.Client(token).PostAsync(ChangePassword, new { input = new { currentPassword = Owners.Password, newPassword = "short" } });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal($"Chuyên viên {tag}", await JobTitleAsync(token));
    }

    [Fact]
    public async Task ChangeMyPassword_Staff_IsNotAuthorized()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync(ChangePassword, new { input = new { currentPassword = Owners.Password, newPassword = NewPassword } });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
    }

    [Fact]
    public async Task DeleteMyAccount_TheAccountsOtherTokenNoLongerWorks()
    {
        var tag = "deleted-token";
        await app.SignUpAsync(Owners.NewInput(tag));
        var token = await app.LoginAsync(Email(tag));
        var otherToken = await app.LoginAsync(Email(tag));

        (await app.Client(token).PostAsync("mutation($password: String!) { deleteMyAccount(password: $password) { erasedProfiles } }", new { password = Owners.Password })).Ok();

        await InvalidTokenResponse.AssertRefusedAsync(app, otherToken);
        await InvalidTokenResponse.AssertRefusedAsync(app, token, "mutation { updateMyProfile(input: { jobTitle: \"Back from the dead\" }) { jobTitle } }");
    }

    // A token signed with the gateway's key and naming the owner, but without a stamp or with a
    // stamp the account does not hold, is refused like a forged one.
    [Theory]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-guid")]
    public async Task OwnerToken_WithoutTheAccountsStamp_IsRefused(string? stamp)
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("stampless-" + Guid.NewGuid().ToString("N")[..8]));
        List<Claim> claims = [new("sub", profileId.ToString()), new("role", "owner")];
        claims.AddRange(stamp is null ? [] : [new Claim("stamp", stamp)]);

        await InvalidTokenResponse.AssertRefusedAsync(app, GatewaySignedTokens.Sign(app, [.. claims], expires: DateTime.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task Login_HashStoredAtALowerCost_IsRehashedAtTheConfiguredCostAndTheTokenWorks()
    {
        var cheap = new CloudjetApplication { KeepData = true };
        await cheap.InitializeAsync();
        var profileId = await cheap.SignUpAsync(Owners.NewInput("rehash"));
        await cheap.DisposeAsync();
        await using var current = new CloudjetApplication { DataDirectory = cheap.DataDirectory, ProductionPasswordHashing = true };
        await current.InitializeAsync();
        Assert.Equal(CloudjetApplication.TestPasswordIterations, await StoredIterationsAsync(current, profileId));

        var token = await current.LoginAsync(Email("rehash"));

        Assert.Equal(PasswordHashingOptions.MinimumIterations, await StoredIterationsAsync(current, profileId));
        Assert.Equal(profileId.ToString(), (await current.Client(token).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<string>());
        await current.LoginAsync(Email("rehash"));
    }

    private static string Email(string tag) => $"kiem.thu.{tag}@example.vn";

    private Task<GraphQLResponse> LoginAsync(string email, string password) =>
        app.Client().PostAsync("mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }", new { email, password });

    private async Task<string?> JobTitleAsync(string token) =>
        (await app.Client(token).PostAsync("{ me { jobTitle } }")).Ok()["me"]!["jobTitle"]?.GetValue<string>();

    // The iteration count in the stored hash's header (Identity's version 3 format: 0x01, PRF, iterations, salt length).
    private static async Task<int> StoredIterationsAsync(CloudjetApplication app, Guid profileId)
    {
        var profile = await app.WithDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId));
        var hash = await app.Services.GetRequiredService<ProfileSealer>().OpenPasswordHashAsync(profile, CancellationToken.None);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash!).AsSpan(5));
    }
}
