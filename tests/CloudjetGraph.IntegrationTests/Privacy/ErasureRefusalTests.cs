using CloudjetGraph.IntegrationTests.Authentication;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// What a hostile caller or a careless staff member tries against the erasures: a stable code, and
/// nothing changes. One host serves the class: each test signs up the people it erases and looks
/// only at what was recorded after it began.
/// </summary>
public sealed class ErasureRefusalTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string DeleteMyAccount = "mutation($password: String!) { deleteMyAccount(password: $password) { erasedProfiles } }";
    private const string WithdrawConsent = "mutation($password: String) { withdrawConsent(password: $password) { erasedProfiles } }";
    private const string EraseProfile = "mutation($id: ID!, $ref: String) { eraseProfile(id: $id, requestReference: $ref) { erasedProfiles } }";
    private const string EraseOrganization = "mutation($id: ID!, $ref: String) { eraseOrganization(id: $id, requestReference: $ref) { erasedProfiles } }";

    public static TheoryData<string?> BadReferences => new()
    {
        null,
        string.Empty,
        "   ",
        new string('A', 65),
        "kiem.thu@example.vn",
        "Trần Thị Kiểm Thử",
        "CS 0142",
        "---",
    };

    [Theory]
    [MemberData(nameof(BadReferences))]
    public async Task Management_ErasesWithBadRequestReference_GetsValidationAndNothingChanges(string? reference)
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("bad-reference"));
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        var head = AuditTrailRows.Head(app);

        var profile = await management.PostAsync(EraseProfile, new { id = person.ProfileId, @ref = reference });
        var organization = await management.PostAsync(EraseOrganization, new { id = person.OrganizationId, @ref = reference });

        Assert.Equal(["VALIDATION"], profile.Codes);
        Assert.Equal("requestReference", profile.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(["VALIDATION"], organization.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.Equal(1, app.WithKeyStore(keyStore => keyStore.PersonKeys.Count(k => k.ProfileId == person.ProfileId)));

        // The refusal is recorded, and never with the text that was refused.
        var refusals = (await CustodianRecord.ReadAsync(app)).Where(r => r.Id > head && r.Outcome == OperationOutcomes.Refused).ToList();
        Assert.Equal([PrivacyOperationNames.EraseProfile, PrivacyOperationNames.EraseOrganization], refusals.Select(r => r.Operation));
        Assert.All(refusals, r => Assert.DoesNotContain("Kiểm Thử", r.Text, StringComparison.Ordinal));
        Assert.All(refusals, r => Assert.DoesNotContain("example.vn", r.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo")]
    [InlineData(DefaultRole.Owner, null)]
    [InlineData(DefaultRole.KeyCustodian, "custodian-demo")]
    public async Task OtherRoles_EraseProfileOrOrganization_GetNotAuthorizedAndNothingChanges(DefaultRole role, string? subject)
    {

        // Sales serves demo organisation 1: in reach for reading, never for erasing.
        var person = await ErasedPerson.SignUpAsync(app, Tag("not-yours"));
        var attacker = await ErasedPerson.SignUpAsync(app, Tag("owner-attacker"));
        var token = role == DefaultRole.Owner ? attacker.Token : app.StaffToken(role, subject!);
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        var head = AuditTrailRows.Head(app);

        var profile = await app.Client(token).PostAsync(EraseProfile, new { id = person.ProfileId, @ref = "CS-1" });
        var organization = await app.Client(token).PostAsync(EraseOrganization, new { id = person.OrganizationId, @ref = "CS-1" });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], profile.Codes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], organization.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.Equal(2, (await CustodianRecord.ReadAsync(app)).Count(r => r.Id > head && r.Outcome == OperationOutcomes.Refused && r.ActorRole == role.Name()));
    }

    [Fact]
    public async Task Support_ErasesOrganization_GetsNotAuthorized()
    {
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync(EraseOrganization, new { id = Owners.OrganizationId(1), @ref = "CS-1" });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }

    [Fact]
    public async Task Anonymous_Erases_GetsNotAuthenticatedAndOnlyTheDenialsAreRecorded()
    {
        await app.FlushDenialsAsync();
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        var head = AuditTrailRows.Head(app);

        var profile = await app.Client().PostAsync(EraseProfile, new { id = Guid.NewGuid(), @ref = "CS-1" });
        var organization = await app.Client().PostAsync(EraseOrganization, new { id = Owners.OrganizationId(1), @ref = "CS-1" });
        var own = await app.Client().PostAsync(DeleteMyAccount, new { password = Owners.Password });
        var withdraw = await app.Client().PostAsync(WithdrawConsent);
        await app.FlushDenialsAsync();

        Assert.All(new[] { profile, organization, own, withdraw }, response => Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes));
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        var recorded = app.WithDb(db => db.AuditEntries.Where(e => e.Sequence > head).OrderBy(e => e.Sequence).ToList());

        // One anonymous caller and one (unnamed) operation: the first request at once, the other three in the window's summary.
        Assert.Equal(
            [
                ("Mutation.eraseProfile", "requests=1; Mutation.eraseProfile AUTH_NOT_AUTHENTICATED=1"),
                ("Mutation.deleteMyAccount,Mutation.eraseOrganization,Mutation.withdrawConsent",
                    "requests=3; Mutation.deleteMyAccount AUTH_NOT_AUTHENTICATED=1; Mutation.eraseOrganization AUTH_NOT_AUTHENTICATED=1; Mutation.withdrawConsent AUTH_NOT_AUTHENTICATED=1"),
            ],
            recorded.Select(e => (e.Target, e.Detail)));
        Assert.All(recorded, e => Assert.Equal((AuditEntryKinds.Denial, "anonymous", OperationOutcomes.Refused), (e.Kind, e.ActorRole, e.Outcome)));
    }

    [Fact]
    public async Task Support_ErasesProfileOutsideItsOrganizations_GetsNotFoundAndNothingChanges()
    {

        // support-demo serves organisations 1 and 2, not 0.
        var person = await ErasedPerson.SignUpAsync(app, Tag("out-of-scope"), Owners.OrganizationId(0));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync(EraseProfile, new { id = person.ProfileId, @ref = "CS-1" });

        Assert.Equal(["NOT_FOUND"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.NotNull(await app.LoginAsync(person.Email));
    }

    [Theory]
    [InlineData("0193a000-0000-7000-8000-0000000000ff")]
    [InlineData("not-a-guid kiem.thu@example.vn")]
    public async Task Management_ErasesUnknownOrMalformedId_GetsNotFoundAndRecordsNoGivenText(string id)
    {
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        var profile = await management.PostAsync(EraseProfile, new { id, @ref = "CS-1" });
        var organization = await management.PostAsync(EraseOrganization, new { id, @ref = "CS-1" });

        Assert.Equal(["NOT_FOUND"], profile.Codes);
        Assert.Equal(["NOT_FOUND"], organization.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.All(await CustodianRecord.ReadAsync(app), r => Assert.DoesNotContain("example.vn", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Management_ErasesTheSameProfileTwice_SecondGetsNotFound()
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("erase-twice"));
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        var first = await management.PostAsync(EraseProfile, new { id = person.ProfileId, @ref = "CS-1" });
        var second = await management.PostAsync(EraseProfile, new { id = person.ProfileId, @ref = "CS-1" });

        Assert.Equal(1, first.Ok()["eraseProfile"]!["erasedProfiles"]!.GetValue<int>());
        Assert.Equal(["NOT_FOUND"], second.Codes);
    }

    [Fact]
    public async Task Owner_DeletesAccountWithWrongPassword_GetsInvalidCredentialsAndNothingChanges()
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("wrong-password"));
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var delete = await app.Client(person.Token).PostAsync(DeleteMyAccount, new { password = "not the password at all" });
        var withdraw = await app.Client(person.Token).PostAsync(WithdrawConsent, new { password = "not the password at all" });
        var withdrawWithout = await app.Client(person.Token).PostAsync(WithdrawConsent);

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], delete.Codes);
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], withdraw.Codes);
        Assert.Equal(["VALIDATION"], withdrawWithout.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
        Assert.Equal(person.ProfileId.ToString(), (await app.Client(person.Token).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<string>());
        Assert.Equal(3, (await CustodianRecord.ReadAsync(app)).Count(r => r.Outcome == OperationOutcomes.Refused && r.Target == $"profile {person.ProfileId}"));
    }

    [Fact]
    public async Task Owner_GuessesPasswordsThroughDeleteMyAccount_SharesTheLoginLimitAndGetsRateLimited()
    {
        await using var limited = new CloudjetApplication().With("RateLimits:LoginsPerAccountPerMinute", "3");
        await limited.InitializeAsync();
        var person = await ErasedPerson.SignUpAsync(limited, Tag("guesser"));

        // The sign-up's login spent one of the account's three.
        var first = await limited.Client(person.Token).PostAsync(DeleteMyAccount, new { password = "guess number one" });
        var second = await limited.Client(person.Token).PostAsync(DeleteMyAccount, new { password = "guess number two" });
        var third = await limited.Client(person.Token).PostAsync(DeleteMyAccount, new { password = Owners.Password });
        var login = await limited.Client().PostAsync("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }", new { e = person.Email, p = Owners.Password });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], first.Codes);
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], second.Codes);
        Assert.Equal(["RATE_LIMITED"], third.Codes);
        Assert.Equal(["RATE_LIMITED"], login.Codes);
        Assert.True(limited.WithDb(db => db.Profiles.Any(p => p.Id == person.ProfileId)));
    }

    [Fact]
    public async Task Owner_PacksTwoPasswordAttemptsInOneRequest_GetsTooManyAccountOperationsAndNothingRuns()
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("packer"));
        var before = await DatabaseDigest.OfAsync(app);

        var response = await app.Client(person.Token).PostAsync(
            "mutation { a: deleteMyAccount(password: \"guess number one\") { erasedProfiles } b: withdrawConsent(password: \"guess number two\") { erasedProfiles } }");

        Assert.Equal(["TOO_MANY_ACCOUNT_OPERATIONS"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.OfAsync(app));
    }

    [Fact]
    public async Task Staff_DeletesMyAccount_GetsNotAuthorized()
    {
        var before = await DatabaseDigest.ExceptAuditTrailAsync(app);

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(DeleteMyAccount, new { password = Owners.Password });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.Equal(before, await DatabaseDigest.ExceptAuditTrailAsync(app));
    }

    [Fact]
    [ProviderSensitive("an erasure that broke off between its writes")]
    public async Task Management_ErasesProfileWhoseErasureBrokeOffAfterShredding_FinishesIt()
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("broken-off"));
        var backup = await ErasedPerson.BackUpAsync(app, person);

        // A crash between the two steps: the key is gone, the row is still there.
        Assert.True(await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(person.ProfileId, CancellationToken.None));
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(EraseProfile, new { id = person.ProfileId, @ref = "CS-1" });

        Assert.Equal(1, response.Ok()["eraseProfile"]!["erasedProfiles"]!.GetValue<int>());
        await person.AssertErasedAsync(app, backup);
    }

    [Fact]
    [ProviderSensitive("an erasure that broke off between its writes")]
    public async Task Owner_DeletesAccountWhoseErasureBrokeOffAfterShredding_FinishesItWithTheTokenAlone()
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("owner-broken-off"));
        var backup = await ErasedPerson.BackUpAsync(app, person);
        await app.Services.GetRequiredService<PersonKeyShredder>().ShredAsync(person.ProfileId, CancellationToken.None);

        // The hash can no longer be opened, so no password can be checked, and nothing is left to protect.
        var response = await app.Client(person.Token).PostAsync(DeleteMyAccount, new { password = "anything at all here" });

        Assert.Equal(1, response.Ok()["deleteMyAccount"]!["erasedProfiles"]!.GetValue<int>());
        await person.AssertErasedAsync(app, backup);
    }

    [Fact]
    public async Task ErasedOwner_UsesOldTokenEverywhere_IsRefusedAsAnInvalidTokenNeverAServerError()
    {
        var person = await ErasedPerson.SignUpAsync(app, Tag("old-token"));
        (await app.Client(person.Token).PostAsync(DeleteMyAccount, new { password = Owners.Password })).Ok();

        await InvalidTokenResponse.AssertRefusedAsync(app, person.Token, "{ me { id fullName consent { upToDate } } organizations { name } }");
        await InvalidTokenResponse.AssertRefusedAsync(app, person.Token, "mutation { updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }");
        await InvalidTokenResponse.AssertRefusedAsync(app, person.Token, "mutation { acceptPolicy(version: \"2019-04-22\") { upToDate } }");
        await InvalidTokenResponse.AssertRefusedAsync(app, person.Token, "mutation { deleteMyAccount(password: \"correct horse battery\") { erasedProfiles } }");
    }

    // The shared host keeps everyone signed up before, and each theory case signs up its own.
    private static string Tag(string what) => $"{what}-{Guid.NewGuid().ToString("N")[..6]}";
}
