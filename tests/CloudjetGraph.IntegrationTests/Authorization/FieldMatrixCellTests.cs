using System.Globalization;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>Every cell of the default field matrix (DESIGN.md), asserted over HTTP.</summary>
public sealed class FieldMatrixCellTests(MatrixTarget app) : IClassFixture<MatrixTarget>
{
    // R: the whole value. M: phone masked to its last 3 digits. D: null with AUTH_NOT_AUTHORIZED at the field.
    // X: the role reaches no profiles (AUTH_NOT_AUTHORIZED at profile). A: anonymous (AUTH_NOT_AUTHENTICATED at profile).
    private static readonly string[] Roles = ["owner", "management", "sales", "support", "keyCustodian", "anonymous"];
    private static readonly (string Field, string Cells)[] Matrix =
    [
        ("id",           "R R R R X A"),
        ("organization", "R R R R X A"),
        ("createdAt",    "R R R R X A"),
        ("updatedAt",    "R R R R X A"),
        ("fullName",     "R R R R X A"),
        ("email",        "R R R R X A"),
        ("department",   "R R R R X A"),
        ("jobTitle",     "R R R R X A"),
        ("phone",        "R R M M X A"),
        ("skype",        "R R D R X A"),
        ("loginEmail",   "R R D R X A"),
        ("consent",      "R R D R X A"),
    ];

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (field, cells) in Matrix)
        {
            var outcomes = cells.Split(' ');
            for (var i = 0; i < Roles.Length; i++)
            {
                data.Add(Roles[i], field, outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Role_ReadsProfileField_GetsMatrixOutcome(string roleName, string field, string outcome)
    {
        Assert.True(DefaultRoles.TryParse(roleName, out var role));
        var selection = field switch
        {
            "organization" => "organization { id }",
            "consent" => "consent { policyVersion }",
            _ => field,
        };

        var response = await app.Client(app.Tokens[role]).PostAsync(
            $"query($id: ID!) {{ profile(id: $id) {{ {selection} }} }}", new { id = app.ProfileId });

        var profile = response.Data?["profile"];
        switch (outcome)
        {
            case "R":
                Assert.Equal(ExpectedValue(field), Actual(profile!, field));
                Assert.Empty(response.Errors);
                break;
            case "M":
                Assert.Equal("********678", profile!["phone"]!.GetValue<string>());
                Assert.Empty(response.Errors);
                break;
            case "D":
                Assert.Null(profile![field]);
                Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorAt("profile", field)?["extensions"]?["code"]?.GetValue<string>());
                break;
            case "X" or "A":
                Assert.Null(profile);
                var code = outcome == "A" ? "AUTH_NOT_AUTHENTICATED" : "AUTH_NOT_AUTHORIZED";
                Assert.Equal(code, response.ErrorAt("profile")?["extensions"]?["code"]?.GetValue<string>());
                break;
            default:
                Assert.Fail($"Unknown outcome {outcome}.");
                break;
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
    }

    private string? ExpectedValue(string field) => field switch
    {
        "id" => app.ProfileId.ToString(),
        "organization" => Owners.OrganizationId(1).ToString(),
        "consent" => "2019-04-22",
        "createdAt" or "updatedAt" => "recent",
        "loginEmail" => (string)app.Input["email"]!,
        _ => (string)app.Input[field]!,
    };

    private static string? Actual(System.Text.Json.Nodes.JsonNode profile, string field) => field switch
    {
        "organization" => profile["organization"]?["id"]?.GetValue<string>(),
        "consent" => profile["consent"]?["policyVersion"]?.GetValue<string>(),
        "createdAt" or "updatedAt" => DateTimeOffset.UtcNow - DateTimeOffset.Parse(profile[field]!.GetValue<string>(), CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(10) ? "recent" : "stale",
        _ => profile[field]?.GetValue<string>(),
    };
}
