using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Seeding;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Invitation, sign-up and login through the public mutations, as management and a frontend do.</summary>
public static class Owners
{
    public const string Password = "correct horse battery";

    public const string SignUpMutation = """
        mutation SignUp($input: SignUpInput!) { signUp(input: $input) { profileId policyVersion } }
        """;

    public const string CreateInvitationMutation = """
        mutation Invite($input: CreateInvitationInput!) { createInvitation(input: $input) { code expiresAt } }
        """;

    public static Guid OrganizationId(int index) => DemoDataSeeder.Organizations[index].Id;

    /// <summary>A complete sign-up input with unique values, still without its invitation code.</summary>
    public static Dictionary<string, object?> NewInput(string tag) => new()
    {
        ["fullName"] = $"Trần Thị Kiểm Thử {tag}",
        ["email"] = $"kiem.thu.{tag}@example.vn",
        ["password"] = Password,
        ["phone"] = "+84 912 345 678",
        ["skype"] = $"live:kiemthu{tag}",
        ["department"] = $"Phòng Kiểm thử {tag}",
        ["jobTitle"] = $"Chuyên viên {tag}",
        ["consent"] = new Dictionary<string, object?> { ["accepted"] = true, ["policyVersion"] = "2019-04-22" },
    };

    /// <summary>An open invitation code from management-demo, for any email unless one is given.</summary>
    public static Task<string> InviteAsync(this CloudjetApplication app, int organizationIndex = 1, string? email = null, int? expiresInHours = null) =>
        app.InviteAsync(OrganizationId(organizationIndex), email, expiresInHours);

    /// <summary>An open invitation code from management-demo into any organisation, demo or not.</summary>
    public static async Task<string> InviteAsync(this CloudjetApplication app, Guid organizationId, string? email = null, int? expiresInHours = null)
    {
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var response = await management.PostAsync(CreateInvitationMutation, new { input = new { organizationId, email, expiresIn = expiresInHours } });
        return response.Ok()["createInvitation"]!["code"]!.GetValue<string>();
    }

    /// <summary>Invites into the demo organisation, then signs up with the input.</summary>
    public static Task<Guid> SignUpAsync(this CloudjetApplication app, Dictionary<string, object?> input, int organizationIndex = 1) =>
        app.SignUpAsync(input, OrganizationId(organizationIndex));

    /// <summary>Invites into the organisation, then signs up with the input.</summary>
    public static async Task<Guid> SignUpAsync(this CloudjetApplication app, Dictionary<string, object?> input, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(input);
        input["invitationCode"] = await app.InviteAsync(organizationId);
        var response = await app.Client().PostAsync(SignUpMutation, new { input });
        return Guid.Parse(response.Ok()["signUp"]!["profileId"]!.GetValue<string>());
    }

    /// <summary>Whether the invitation with this code has been used, read from the database.</summary>
    public static bool InvitationIsUsed(this CloudjetApplication app, string code)
    {
        var hash = InvitationCode.Hash(code);
        return app.WithDb(db => db.Invitations.Single(i => i.CodeHash == hash).UsedAt is not null);
    }

    public static async Task<string> LoginAsync(this CloudjetApplication app, string email, string password = Password)
    {
        var response = await app.Client().PostAsync(
            "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }",
            new { email, password });
        return response.Ok()["login"]!["token"]!.GetValue<string>();
    }
}
