using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// Each of the four erasures, end to end over HTTP: the former ciphertext and blind-index bytes
/// leave the database file and its journal, a copy taken before yields nothing, the credentials
/// stop working, the email signs up again, and the record names ids only.
/// </summary>
[ProviderSensitive("erasure bytes, on the files or in a dump")]
public sealed class ErasureTests
{
    private const string Reference = "CS-2026-0142";
    private const string DeleteMyAccount = "mutation($password: String!) { deleteMyAccount(password: $password) { erasedProfiles erasedAt } }";
    private const string WithdrawConsent = "mutation($password: String) { withdrawConsent(password: $password) { erasedProfiles } }";
    private const string EraseProfile = "mutation($id: ID!, $ref: String) { eraseProfile(id: $id, requestReference: $ref) { erasedProfiles } }";
    private const string EraseOrganization = "mutation($id: ID!, $ref: String) { eraseOrganization(id: $id, requestReference: $ref) { erasedProfiles } }";
    private const string ReadProfile = "query($id: ID!) { profile(id: $id) { fullName loginEmail } }";

    [Fact]
    public async Task Owner_DeletesAccount_LeavesNoBytesNoReadableBackupNoLoginAndFreesTheEmail()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var person = await ErasedPerson.SignUpAsync(app, "delete-me");
        var bystander = await ErasedPerson.SignUpAsync(app, "delete-bystander");
        var backup = await ErasedPerson.BackUpAsync(app, person);

        var response = await app.Client(person.Token).PostAsync(DeleteMyAccount, new { password = Owners.Password });

        Assert.Equal(1, response.Ok()["deleteMyAccount"]!["erasedProfiles"]!.GetValue<int>());
        await person.AssertErasedAsync(app, backup);
        await AssertStillReadableAsync(app, bystander);
        await AssertRecordedAsync(app, PrivacyOperationNames.DeleteAccount, person, "owner");
        await person.AssertEmailSignsUpAgainAsync(app);
    }

    [Fact]
    public async Task Owner_WithdrawsConsent_ErasesLikeDeleteAndKeepsTheWithdrawalInTheConsentHistory()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var person = await ErasedPerson.SignUpAsync(app, "withdraw-me");
        var backup = await ErasedPerson.BackUpAsync(app, person);

        var response = await app.Client(person.Token).PostAsync(WithdrawConsent, new { password = Owners.Password });

        Assert.Equal(1, response.Ok()["withdrawConsent"]!["erasedProfiles"]!.GetValue<int>());
        await person.AssertErasedAsync(app, backup);
        var history = app.WithDb(db => db.ConsentEvents.Where(e => e.ProfileId == person.ProfileId).OrderBy(e => e.Id).Select(e => e.Kind + " " + e.PolicyVersion).ToList());
        Assert.Equal(["accepted 2019-04-22", "withdrawn 2019-04-22"], history);
        await AssertRecordedAsync(app, PrivacyOperationNames.WithdrawConsent, person, "owner");
        await person.AssertEmailSignsUpAgainAsync(app);
    }

    [Fact]
    public async Task Management_ErasesProfileOnRequest_LeavesNoBytesNoReadableBackupNoLoginAndFreesTheEmail()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var person = await ErasedPerson.SignUpAsync(app, "erase-me");
        var bystander = await ErasedPerson.SignUpAsync(app, "erase-bystander");
        var backup = await ErasedPerson.BackUpAsync(app, person);

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(EraseProfile, new { id = person.ProfileId, @ref = Reference });

        Assert.Equal(1, response.Ok()["eraseProfile"]!["erasedProfiles"]!.GetValue<int>());
        await person.AssertErasedAsync(app, backup);
        await AssertStillReadableAsync(app, bystander);
        var record = await AssertRecordedAsync(app, PrivacyOperationNames.EraseProfile, person, "management");
        Assert.Equal($"profile {person.ProfileId}, request {Reference}", record.Target);
        await person.AssertEmailSignsUpAgainAsync(app);
    }

    [Fact]
    public async Task Support_ErasesProfileOfAssignedOrganization_ErasesIt()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();

        // support-demo serves demo organisations 1 and 2.
        var person = await ErasedPerson.SignUpAsync(app, "support-erases", Owners.OrganizationId(2));
        var backup = await ErasedPerson.BackUpAsync(app, person);

        var response = await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync(EraseProfile, new { id = person.ProfileId, @ref = "ZD#88121" });

        Assert.Equal(1, response.Ok()["eraseProfile"]!["erasedProfiles"]!.GetValue<int>());
        await person.AssertErasedAsync(app, backup);
        await AssertRecordedAsync(app, PrivacyOperationNames.EraseProfile, person, "support");
    }

    [Fact]
    public async Task Management_ErasesOrganization_ErasesEveryProfileOfItAndLeavesOtherOrganizationsReadable()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var organizationId = Guid.Parse((await management.PostAsync("mutation { createOrganization(input: { name: \"Công ty Hủy Dịch Vụ\" }) { id } }")).Ok()["createOrganization"]!["id"]!.GetValue<string>());
        var first = await ErasedPerson.SignUpAsync(app, "org-first", organizationId);
        var second = await ErasedPerson.SignUpAsync(app, "org-second", organizationId);
        var bystander = await ErasedPerson.SignUpAsync(app, "org-bystander");
        var openInvitation = await app.InviteAsync(organizationId, "kiem.thu.org-invited@example.vn");
        var otherProfiles = app.WithDb(db => db.Profiles.Count(p => p.OrganizationId != organizationId));
        var backup = await ErasedPerson.BackUpAsync(app, first, second);

        var response = await management.PostAsync(EraseOrganization, new { id = organizationId, @ref = "CANCEL-2026/07" });

        Assert.Equal(2, response.Ok()["eraseOrganization"]!["erasedProfiles"]!.GetValue<int>());
        await first.AssertErasedAsync(app, backup);
        await second.AssertErasedAsync(app, backup);
        Assert.Equal(otherProfiles, app.WithDb(db => db.Profiles.Count()));
        await AssertStillReadableAsync(app, bystander);
        Assert.False(app.WithDb(db => db.Invitations.Any(i => i.OrganizationId == organizationId)), "An invitation into the erased organization is left.");
        Assert.False(await InvitationOpensAsync(app, openInvitation, "kiem.thu.org-invited@example.vn"));
        var record = (await CustodianRecord.ReadAsync(app)).Last();
        Assert.Equal((PrivacyOperationNames.EraseOrganization, OperationOutcomes.Succeeded), (record.Operation, record.Outcome));
        Assert.Equal($"organization {organizationId}, request CANCEL-2026/07", record.Target);
        Assert.StartsWith("Erased 2 profile(s).", record.Detail, StringComparison.Ordinal);
        await first.AssertEmailSignsUpAgainAsync(app);
    }

    [Fact]
    public async Task Management_ErasesOrganizationLargerThanOneBatch_ErasesEveryProfileAndKeyOfIt()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var organizationId = Owners.OrganizationId(0);
        await BulkProfiles.AddAsync(app.Services, organizationId, (2 * ProfileErasure.OrganizationBatchSize) + 50);
        var count = app.WithDb(db => db.Profiles.Count(p => p.OrganizationId == organizationId));
        var others = app.WithDb(db => db.Profiles.Where(p => p.OrganizationId != organizationId).Select(p => p.Id).ToList());

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(EraseOrganization, new { id = organizationId, @ref = "CANCEL-1" });

        Assert.True(count > 2 * ProfileErasure.OrganizationBatchSize);
        Assert.Equal(count, response.Ok()["eraseOrganization"]!["erasedProfiles"]!.GetValue<int>());
        Assert.Equal(0, app.WithDb(db => db.Profiles.Count(p => p.OrganizationId == organizationId)));
        Assert.Equal(others.Order(), app.WithDb(db => db.Profiles.Select(p => p.Id).ToList()).Order());
        Assert.Equal(others.Order(), app.WithKeyStore(keyStore => keyStore.PersonKeys.Select(k => k.ProfileId).Distinct().ToList()).Order());
    }

    private static async Task AssertStillReadableAsync(CloudjetApplication app, ErasedPerson person)
    {
        var profile = (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ReadProfile, new { id = person.ProfileId })).Ok()["profile"]!;
        Assert.Equal((string)person.Input["fullName"]!, profile["fullName"]!.GetValue<string>());
        Assert.Equal(person.Email, profile["loginEmail"]!.GetValue<string>());
        Assert.NotNull(await app.LoginAsync(person.Email));
    }

    private static async Task<RecordedOperation> AssertRecordedAsync(CloudjetApplication app, string operation, ErasedPerson person, string role)
    {
        var record = (await CustodianRecord.ReadAsync(app)).Last(r => r.Operation == operation);
        Assert.Equal((OperationOutcomes.Succeeded, role), (record.Outcome, record.ActorRole));
        Assert.Contains(person.ProfileId.ToString(), record.Target, StringComparison.Ordinal);
        Assert.All(person.Values, value => Assert.DoesNotContain(value, record.Text, StringComparison.Ordinal));
        return record;
    }

    private static async Task<bool> InvitationOpensAsync(CloudjetApplication app, string code, string email)
    {
        var input = Owners.NewInput("org-invited");
        input["email"] = email;
        input["invitationCode"] = code;
        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });
        return response.Errors.Count == 0;
    }
}
