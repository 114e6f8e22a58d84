using System.Text;
using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Onboarding;

/// <summary>Sign-up opens an account only through an open invitation, in the invitation's organisation.</summary>
[ProviderSensitive("an invitation used once under a race, and its expiry compared in SQL")]
public sealed class InvitationSignUpTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    public static TheoryData<string> NotInvitations => new()
    {
        InvitationCode.New(),
        string.Empty,
        " ",
        new string('x', InvitationCode.MaxLength + 1),
        "' OR 1=1 --",
    };

    [Fact]
    public async Task Anonymous_SignsUpWithValidInvitation_LandsInTheInvitationsOrganizationAndUsesItUp()
    {
        var input = Owners.NewInput("invited");
        var code = await app.InviteAsync(organizationIndex: 3);
        input["invitationCode"] = code;

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        var profileId = Guid.Parse(response.Ok()["signUp"]!["profileId"]!.GetValue<string>());
        Assert.Equal(Owners.OrganizationId(3), app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).OrganizationId));
        var hash = InvitationCode.Hash(code);
        Assert.Equal(profileId, app.WithDb(db => db.Invitations.Single(i => i.CodeHash == hash).UsedByProfileId));
    }

    [Fact]
    public async Task Anonymous_SignsUpWithADemoInvitation_LandsInItsDemoOrganization()
    {
        var (code, organization) = DemoDataSeeder.Invitations[^1];
        var input = Owners.NewInput("demo-invitation");
        input["invitationCode"] = code;

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        var profileId = Guid.Parse(response.Ok()["signUp"]!["profileId"]!.GetValue<string>());
        Assert.Equal(Owners.OrganizationId(organization), app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).OrganizationId));
        Assert.True(app.InvitationIsUsed(code));
    }

    [Fact]
    public async Task SignUpRequest_NamingAFieldSignUpDoesNotAsk_IsStoredWithItsEmailAsLoginEmail()
    {
        // The GraphQL input cannot carry loginEmail; Core must not take one from any other caller either.
        var values = PersonalFieldCatalogue.AtSignUp.ToDictionary(field => field.Field, field => Owners.NewInput("core-signup")[field.SchemaName] as string);
        values[ProfileField.LoginEmail] = "someone.else@example.vn";
        var request = new SignUpRequest(await app.InviteAsync(), values, Owners.Password, new ConsentRequest(true, "2019-04-22"));

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProfileAccounts>().SignUpAsync(request, CancellationToken.None);
        }

        Assert.False(string.IsNullOrEmpty(await app.LoginAsync(request.Email)));
        var refused = await app.Client().PostAsync(
            "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
            new { email = "someone.else@example.vn", password = Owners.Password });
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], refused.Codes);
    }

    [Theory]
    [MemberData(nameof(NotInvitations))]
    public async Task Anonymous_SignsUpWithoutAnOpenInvitation_GetsInvitationInvalidAndNothingIsWritten(string code)
    {
        var (profiles, used) = Counts();
        var input = Owners.NewInput("uninvited");
        input["invitationCode"] = code;

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        Assert.Equal(["INVITATION_INVALID"], response.Codes);
        Assert.Equal("invitationCode", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("""{"signUp":null}""", response.Data?.ToJsonString());
        Assert.Equal((profiles, used), Counts());
    }

    [Fact]
    public async Task Anonymous_SignsUpWithUsedInvitation_GetsInvitationInvalidAndNothingIsWritten()
    {
        var first = Owners.NewInput("first-use");
        await app.SignUpAsync(first);
        var (profiles, used) = Counts();
        var second = Owners.NewInput("second-use");
        second["invitationCode"] = first["invitationCode"];

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input = second });

        Assert.Equal(["INVITATION_INVALID"], response.Codes);
        Assert.Equal((profiles, used), Counts());
    }

    [Fact]
    public async Task Anonymous_SignsUpWithInvitationBoundToAnotherEmail_GetsInvitationInvalidAndTheInvitationStaysOpen()
    {
        var code = await app.InviteAsync(email: "kiem.thu.bound@example.vn");
        var (profiles, used) = Counts();
        var stranger = Owners.NewInput("stranger");
        stranger["invitationCode"] = code;

        var refused = await app.Client().PostAsync(Owners.SignUpMutation, new { input = stranger });

        Assert.Equal(["INVITATION_INVALID"], refused.Codes);
        Assert.Equal((profiles, used), Counts());
        var invitee = Owners.NewInput("bound");
        invitee["email"] = " KIEM.THU.Bound@example.vn";
        invitee["invitationCode"] = code;
        (await app.Client().PostAsync(Owners.SignUpMutation, new { input = invitee })).Ok();
    }

    [Fact]
    public async Task Anonymous_SignsUpWithTakenEmailAndInvalidInvitation_GetsTheSameAnswerAsAFreeEmail()
    {
        var taken = Owners.NewInput("taken");
        await app.SignUpAsync(taken);
        var free = Owners.NewInput("free");
        taken["invitationCode"] = free["invitationCode"] = InvitationCode.New();

        var takenResponse = await app.Client().PostAsync(Owners.SignUpMutation, new { input = taken });
        var freeResponse = await app.Client().PostAsync(Owners.SignUpMutation, new { input = free });

        Assert.Equal(["INVITATION_INVALID"], takenResponse.Codes);
        Assert.Equal(freeResponse.Body, takenResponse.Body);
    }

    [Fact]
    public async Task Anonymous_UsesOneInvitationTwiceAtOnce_ExactlyOneWins()
    {
        var code = await app.InviteAsync();
        var (profiles, used) = Counts();
        var inputs = Enumerable.Range(0, 2).Select(i => Owners.NewInput($"race-{i}")).ToList();
        inputs.ForEach(input => input["invitationCode"] = code);

        var responses = await Task.WhenAll(inputs.Select(input => app.Client().PostAsync(Owners.SignUpMutation, new { input })));

        Assert.Equal(["INVITATION_INVALID"], responses.SelectMany(r => r.Codes));
        Assert.Equal((profiles + 1, used + 1), Counts());
    }

    [Fact]
    public async Task Anonymous_SignsUpWithInvitationAtAndPastItsExpiry_IsAcceptedThenRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CloudjetApplication { Clock = clock };
        await host.InitializeAsync();
        var beforeExpiry = await host.InviteAsync(expiresInHours: 1);
        var atExpiry = await host.InviteAsync(expiresInHours: 1);
        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        var early = Owners.NewInput("expiry-early");
        early["invitationCode"] = beforeExpiry;
        (await host.Client().PostAsync(Owners.SignUpMutation, new { input = early })).Ok();
        var profiles = host.WithDb(db => db.Profiles.Count());
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = Owners.NewInput("expiry-late");
        late["invitationCode"] = atExpiry;

        var response = await host.Client().PostAsync(Owners.SignUpMutation, new { input = late });

        Assert.Equal(["INVITATION_INVALID"], response.Codes);
        Assert.Equal(profiles, host.WithDb(db => db.Profiles.Count()));
        Assert.False(host.InvitationIsUsed(atExpiry));
    }

    [Fact]
    [Trait(TestTraits.SqliteFileOnly, "scans the bytes of the .db and -wal files")]
    public async Task Invitation_AtRest_HoldsNeitherTheCodeNorTheBoundEmail()
    {
        var code = await app.InviteAsync(email: "kiem.thu.atrest-invite@example.vn");
        var hash = InvitationCode.Hash(code);
        Assert.Equal(1, app.WithDb(db => db.Invitations.Count(i => i.CodeHash == hash && i.EmailIndex != null)));

        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var stored = Encoding.UTF8.GetString(await ReadSharedAsync(file));
            Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
            Assert.DoesNotContain("atrest-invite", stored, StringComparison.Ordinal);
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private (int Profiles, int UsedInvitations) Counts() =>
        app.WithDb(db => (db.Profiles.Count(), db.Invitations.Count(i => i.UsedAt != null)));
}
