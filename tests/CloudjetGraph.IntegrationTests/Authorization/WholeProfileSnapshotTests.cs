using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>
/// The exact response each role gets for one profile with every field selected: values, masks,
/// nulls, and the errors with their paths and codes. Frontends code against this shape.
/// </summary>
public sealed class WholeProfileSnapshotTests(MatrixTarget app) : IClassFixture<MatrixTarget>
{
    private const string WholeProfile = """
        query WholeProfile($id: ID!) {
          profile(id: $id) {
            id
            organization { id name }
            fullName email phone skype department jobTitle loginEmail
            consent { acceptedAt policyVersion withdrawnAt }
            createdAt updatedAt
          }
        }
        """;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("owner")]
    [InlineData("management")]
    [InlineData("sales")]
    [InlineData("support")]
    [InlineData("keyCustodian")]
    [InlineData("anonymous")]
    public async Task Role_ReadsWholeProfile_GetsTheSnapshotResponse(string roleName)
    {
        Assert.True(DefaultRoles.TryParse(roleName, out var role));

        var response = await app.Client(app.Tokens[role]).PostAsync(WholeProfile, new { id = app.ProfileId });

        Snapshot.Match(Stable(response.Json).ToJsonString(Indented), SnapshotNameExtension.Create(roleName));
    }

    /// <summary>Replaces the values that differ on every run (the new profile's id and times) with placeholders.</summary>
    private JsonNode Stable(JsonNode json)
    {
        if (json["data"]?["profile"] is JsonObject profile)
        {
            Assert.Equal(app.ProfileId.ToString(), profile["id"]?.GetValue<string>());
            profile["id"] = "<profile id>";
            foreach (var (parent, name) in new[] { (profile, "createdAt"), (profile, "updatedAt"), (profile["consent"] as JsonObject, "acceptedAt") })
            {
                if (parent?[name] is JsonValue value)
                {
                    Assert.True(DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out _));
                    parent[name] = $"<{name}>";
                }
            }
        }

        return json;
    }
}
