using CloudjetGraph.Core.Seeding;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Sign-up and login through the public mutations, as a frontend does.</summary>
public static class Owners
{
    public const string Password = "correct horse battery";

    public const string SignUpMutation = """
        mutation SignUp($input: SignUpInput!) { signUp(input: $input) { profileId policyVersion } }
        """;

    public static Guid OrganizationId(int index) => DemoDataSeeder.Organizations[index].Id;

    /// <summary>A complete sign-up input with unique values.</summary>
    public static Dictionary<string, object?> NewInput(string tag, int organizationIndex = 1) => new()
    {
        ["organizationId"] = OrganizationId(organizationIndex),
        ["fullName"] = $"Trần Thị Kiểm Thử {tag}",
        ["email"] = $"kiem.thu.{tag}@example.vn",
        ["password"] = Password,
        ["phone"] = "+84 912 345 678",
        ["skype"] = $"live:kiemthu{tag}",
        ["department"] = $"Phòng Kiểm thử {tag}",
        ["jobTitle"] = $"Chuyên viên {tag}",
        ["consent"] = new Dictionary<string, object?> { ["accepted"] = true, ["policyVersion"] = "2019-04-22" },
    };

    public static async Task<Guid> SignUpAsync(this CloudjetApplication app, Dictionary<string, object?> input)
    {
        var response = await app.Client().PostAsync(SignUpMutation, new { input });
        return Guid.Parse(response.Ok()["signUp"]!["profileId"]!.GetValue<string>());
    }

    public static async Task<string> LoginAsync(this CloudjetApplication app, string email, string password = Password)
    {
        var response = await app.Client().PostAsync(
            "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }",
            new { email, password });
        return response.Ok()["login"]!["token"]!.GetValue<string>();
    }
}
