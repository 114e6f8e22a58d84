using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Onboarding;

/// <summary>Management onboards a customer: organisation, invitation, sign-up. Other roles may not.</summary>
[ProviderSensitive("unique organisation names")]
public sealed class OnboardingTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string CreateOrganization = "mutation($name: String!) { createOrganization(input: { name: $name }) { id name } }";

    public static TheoryData<string?, string> RefusedCallers => new()
    {
        { null, "AUTH_NOT_AUTHENTICATED" },
        { "sales", "AUTH_NOT_AUTHORIZED" },
        { "support", "AUTH_NOT_AUTHORIZED" },
        { "keyCustodian", "AUTH_NOT_AUTHORIZED" },
        { "owner", "AUTH_NOT_AUTHORIZED" },
    };

    [Fact]
    public async Task Management_OnboardsANewCustomer_ItsFirstOwnerSignsUpIntoIt()
    {
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-onboarding"));

        var organization = (await management.PostAsync(CreateOrganization, new { name = "  Công ty CP Thử Nghiệm Mới " })).Ok()["createOrganization"]!;
        var invitation = (await management.PostAsync(Owners.CreateInvitationMutation, new { input = new { organizationId = organization["id"]!.GetValue<string>(), expiresIn = 48 } })).Ok()["createInvitation"]!;
        var input = Owners.NewInput("onboarded");
        input["invitationCode"] = invitation["code"]!.GetValue<string>();
        (await app.Client().PostAsync(Owners.SignUpMutation, new { input })).Ok();
        var me = (await app.Client(await app.LoginAsync("kiem.thu.onboarded@example.vn")).PostAsync("{ me { organization { id name } } }")).Ok()["me"]!;

        Assert.Equal("Công ty CP Thử Nghiệm Mới", organization["name"]!.GetValue<string>());
        Assert.Equal(22, invitation["code"]!.GetValue<string>().Length);
        var expiresAt = DateTimeOffset.Parse(invitation["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(47.9), TimeSpan.FromHours(48));
        Assert.Equal(organization["id"]!.GetValue<string>(), me["organization"]!["id"]!.GetValue<string>());
        Assert.Equal("Công ty CP Thử Nghiệm Mới", me["organization"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(RefusedCallers))]
    public async Task Role_NotAllowedByConfiguration_CannotCreateInvitationsOrOrganizations(string? role, string code)
    {
        var client = app.Client(await TokenAsync(role));
        var (invitations, organizations) = Counts();

        var invitation = await client.PostAsync(Owners.CreateInvitationMutation, new { input = new { organizationId = Owners.OrganizationId(1) } });
        var organization = await client.PostAsync(CreateOrganization, new { name = $"Công ty của {role}" });

        Assert.Equal([code], invitation.Codes);
        Assert.Equal([code], organization.Codes);
        Assert.Equal("""{"createInvitation":null}""", invitation.Data?.ToJsonString());
        Assert.Equal("""{"createOrganization":null}""", organization.Data?.ToJsonString());
        Assert.Equal((invitations, organizations), Counts());
    }

    [Fact]
    public async Task Sales_AllowedByConfiguration_CreatesInvitations()
    {
        await using var host = new CloudjetApplication().With("Authorization:Operations:createInvitation:1", "sales");
        await host.InitializeAsync();

        var response = await host.Client(host.StaffToken(DefaultRole.Sales, "sales-demo"))
            .PostAsync(Owners.CreateInvitationMutation, new { input = new { organizationId = Owners.OrganizationId(0) } });

        Assert.Equal(22, response.Ok()["createInvitation"]!["code"]!.GetValue<string>().Length);
    }

    [Theory]
    [InlineData("organizationId", "not-a-guid", "NOT_FOUND")]
    [InlineData("organizationId", "0193a000-0000-7000-8000-0000000000ff", "NOT_FOUND")]
    [InlineData("expiresIn", 0, "VALIDATION")]
    [InlineData("expiresIn", -5, "VALIDATION")]
    [InlineData("expiresIn", 30 * 24 + 1, "VALIDATION")]
    [InlineData("expiresIn", int.MaxValue, "VALIDATION")]
    [InlineData("email", "not-an-email", "VALIDATION")]
    public async Task Management_CreatesInvitationWithBadInput_IsRefusedAndNothingIsWritten(string field, object value, string code)
    {
        var input = new Dictionary<string, object?> { ["organizationId"] = Owners.OrganizationId(1), [field] = value };
        var (invitations, organizations) = Counts();

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(Owners.CreateInvitationMutation, new { input });

        Assert.Equal([code], response.Codes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal((invitations, organizations), Counts());
    }

    [Theory]
    [InlineData("   ", "VALIDATION")]
    [InlineData("Tên\u0000ẩn", "VALIDATION")]
    [InlineData("Công ty TNHH Sao Mai Việt", "CONFLICT")]
    public async Task Management_CreatesOrganizationWithBadOrTakenName_IsRefused(string name, string code)
    {
        var (invitations, organizations) = Counts();

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(CreateOrganization, new { name });

        Assert.Equal([code], response.Codes);
        Assert.Equal((invitations, organizations), Counts());
    }

    private async Task<string?> TokenAsync(string? role) => role switch
    {
        null => null,
        "owner" => await app.LoginAsync("an.nguyen@saomaiviet.vn", "demo-owner-2019"),
        _ => app.StaffToken(DefaultRoles.TryParse(role, out var parsed) ? parsed : throw new ArgumentException(role), $"{role}-demo"),
    };

    private (int Invitations, int Organizations) Counts() =>
        app.WithDb(db => (db.Invitations.Count(), db.Organizations.Count()));
}
