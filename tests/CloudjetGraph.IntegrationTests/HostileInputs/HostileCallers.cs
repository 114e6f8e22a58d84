using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// The <c>Authorization</c> header for each caller a hostile case names: a real token for each role,
/// or a token an attacker could make (expired, tampered, unsigned, signed with a guessed key,
/// carrying two roles or an unknown one), or a malformed header.
/// </summary>
public sealed class HostileCallers(CloudjetApplication app)
{
    /// <summary>Staff subjects with the demo assignments, so sales and support reach their organisations.</summary>
    private static readonly Dictionary<string, (DefaultRole Role, string Subject)> Staff = new(StringComparer.Ordinal)
    {
        ["management"] = (DefaultRole.Management, "management-demo"),
        ["sales"] = (DefaultRole.Sales, "sales-demo"),
        ["support"] = (DefaultRole.Support, "support-demo"),
        ["keyCustodian"] = (DefaultRole.KeyCustodian, "custodian-demo"),
    };

    private static readonly string[] TwoRoles = ["sales", "management"];

    /// <summary>The header value, or null to send none.</summary>
    public string? Authorization(string caller) => caller switch
    {
        "anonymous" => null,
        "owner" => Bearer(DemoOwnerToken()),
        _ when Staff.TryGetValue(caller, out var staff) => Bearer(app.StaffToken(staff.Role, staff.Subject)),
        "expiredToken" => Bearer(Signed(new() { ["sub"] = "management-demo", ["role"] = "management" }, lifetime: TimeSpan.FromMinutes(-10))),
        "tamperedToken" => Bearer(Tampered(app.StaffToken(DefaultRole.Sales, "sales-demo"))),
        "unsignedToken" => Bearer(Unsigned(new() { ["sub"] = "management-demo", ["role"] = "management" })),
        "guessedKeyToken" => Bearer(Signed(new() { ["sub"] = "management-demo", ["role"] = "management" }, key: RandomNumberGenerator.GetBytes(32))),
        "twoRolesToken" => Bearer(Signed(new() { ["sub"] = "sales-demo", ["role"] = TwoRoles })),
        "unknownRoleToken" => Bearer(Signed(new() { ["sub"] = "management-demo", ["role"] = "administrator" })),
        "noRoleToken" => Bearer(Signed(new() { ["sub"] = "management-demo" })),
        "wrongAudienceToken" => Bearer(Signed(new() { ["sub"] = "management-demo", ["role"] = "management" }, audience: "another-service")),
        "garbageToken" => "Bearer not.a.token",
        "emptyBearer" => "Bearer ",
        "basicScheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin")),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Unknown caller kind in the corpus."),
    };

    private static string Bearer(string token) => "Bearer " + token;

    private string DemoOwnerToken()
    {
        var index = app.Services.GetRequiredService<BlindIndex>().ForEmail(BlindIndexColumn.ProfileLoginEmail, DemoDataSeeder.DemoOwnerEmail);
        var owner = app.WithDb(db => db.Profiles.Where(p => p.LoginEmailIndex == index).Select(p => new { p.Id, p.SecurityStamp }).Single());
        return app.Services.GetRequiredService<TokenIssuer>().IssueOwner(owner.Id, owner.SecurityStamp, TimeSpan.FromMinutes(30)).Token;
    }

    /// <summary>A token with these claims, signed like the gateway signs, or with another key.</summary>
    private string Signed(Dictionary<string, object> claims, TimeSpan? lifetime = null, byte[]? key = null, string? audience = null)
    {
        var signingKey = app.Services.GetRequiredService<DataKeyRing>().Active(DataKeyPurpose.TokenSigning);
        var now = DateTime.UtcNow;
        var expires = now.Add(lifetime ?? TimeSpan.FromMinutes(30));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "cloudjet-graph",
            Audience = audience ?? "cloudjet-graph",
            IssuedAt = expires < now ? expires.AddMinutes(-30) : now,
            NotBefore = expires < now ? expires.AddMinutes(-30) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(key ?? signingKey.Material) { KeyId = signingKey.Id.ToString() }, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Unsigned(Dictionary<string, object> claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "cloudjet-graph",
            Audience = "cloudjet-graph",
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = claims,
        });

    // Flips the payload to claim management while keeping the signature made for sales.
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"sales\"", "\"management\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
