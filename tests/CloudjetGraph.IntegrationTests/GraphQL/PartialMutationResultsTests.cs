using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// Every root mutation returns a nullable payload: a refused mutation nulls only its own field, and
/// what its siblings did stays in the answer.
/// </summary>
[ProviderSensitive("a rotation and refusals recorded in the audit trail")]
public sealed class PartialMutationResultsTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string Mutations = """
        mutation Mixed($unknown: ID!) {
          rotated: rotateDataKey(input: { purpose: TOKEN_SIGNING }) { keyPurpose newKeyId previousKeyId }
          notGranted: createOrganization(input: { name: "Not for custodians" }) { id }
          notFound: revokeMasterKey(input: { id: $unknown }) { masterKeyId }
        }
        """;

    [Fact]
    public async Task KeyCustodian_RotatesBesideTwoRefusedMutations_GetsTheRotationAndAnErrorAtEachRefusal()
    {
        var custodian = app.Client(app.StaffToken(DefaultRole.KeyCustodian, "custodian-partial"));

        var response = await custodian.PostAsync(Mutations, new { unknown = Guid.NewGuid() });

        Assert.True(response.Data is not null, $"The refusals nulled the whole answer: {response.Body}");
        var rotated = response.Data["rotated"]!;
        var newKey = rotated["newKeyId"]!.GetValue<Guid>();
        var previousKey = rotated["previousKeyId"]!.GetValue<Guid>();
        Assert.Equal("TOKEN_SIGNING", rotated["keyPurpose"]!.GetValue<string>());
        Assert.Null(response.Data["notGranted"]);
        Assert.Null(response.Data["notFound"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED", "KEY_NOT_FOUND"], response.Codes);
        Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorAt("notGranted")?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("KEY_NOT_FOUND", response.ErrorAt("notFound")?["extensions"]?["code"]?.GetValue<string>());

        // The rotation really happened: the new key is the active one and the old one decrypt-only.
        var dataKeys = (await custodian.PostAsync("{ keys { dataKeys { id status } } }")).Ok()["keys"]!["dataKeys"]!.AsArray();
        Assert.Equal("ACTIVE", Status(dataKeys, newKey));
        Assert.Equal("DECRYPT_ONLY", Status(dataKeys, previousKey));
        var operations = (await custodian.PostAsync("{ keyOperations(first: 2) { nodes { kind result } } }")).Ok()["keyOperations"]!["nodes"]!;
        Assert.Equal(
            new JsonArray(
                new JsonObject { ["kind"] = "REVOKE_MASTER", ["result"] = "REFUSED" },
                new JsonObject { ["kind"] = "ROTATE_DATA", ["result"] = "SUCCEEDED" }).ToJsonString(),
            operations.ToJsonString());
    }

    private static string Status(JsonArray dataKeys, Guid id) =>
        dataKeys.Single(key => key!["id"]!.GetValue<Guid>() == id)!["status"]!.GetValue<string>();
}
