using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Protection;

[ProviderSensitive("copies stored bytes between rows with SQL")]
public sealed class CiphertextIntegrityTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string ReadProfile = "query($id: ID!) { profile(id: $id) { id fullName email department } }";

    [Fact]
    public async Task Management_ReadsValueCopiedFromAnotherRow_GetsDataIntegrityErrorAndNoPlaintext()
    {
        var donor = await app.SignUpAsync(Owners.NewInput("donor"));
        var victim = await app.SignUpAsync(Owners.NewInput("victim"));
        await app.ExecuteSqlAsync(
            "UPDATE Profiles SET FullName = (SELECT FullName FROM Profiles WHERE Id = $donor) WHERE Id = $victim",
            ("$donor", donor), ("$victim", victim));

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ReadProfile, new { id = victim });

        Assert.Null(response.Data!["profile"]!["fullName"]);
        Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", "fullName")?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("kiem.thu.victim@example.vn", response.Data!["profile"]!["email"]!.GetValue<string>());
        Assert.DoesNotContain("Kiểm Thử donor", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kiểm Thử victim", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Management_ReadsValueCopiedFromAnotherColumn_GetsDataIntegrityErrorAndNoPlaintext()
    {
        var profile = await app.SignUpAsync(Owners.NewInput("column"));
        await app.ExecuteSqlAsync("UPDATE Profiles SET Department = FullName WHERE Id = $id", ("$id", profile));

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ReadProfile, new { id = profile });

        Assert.Null(response.Data!["profile"]!["department"]);
        Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", "department")?["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("Trần Thị Kiểm Thử column", response.Data!["profile"]!["fullName"]!.GetValue<string>());
        Assert.Single(response.Errors);
    }

    [Fact]
    public async Task Management_ReadsTamperedValue_GetsDataIntegrityError()
    {
        var profile = await app.SignUpAsync(Owners.NewInput("tamper"));
        // The last byte (of the tag) flipped, written back past the gateway, in SQL of every provider.
        var email = app.WithDb(db => db.Profiles.AsNoTracking().Single(p => p.Id == profile).Email!);
        email[^1] ^= 0x01;
        var changed = await app.ExecuteSqlAsync("UPDATE Profiles SET Email = $email WHERE Id = $id", ("$email", email), ("$id", profile));
        Assert.Equal(1, changed);

        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ReadProfile, new { id = profile });

        Assert.Equal("DATA_INTEGRITY", response.ErrorAt("profile", "email")?["extensions"]?["code"]?.GetValue<string>());
        Assert.DoesNotContain("kiem.thu.tamper", response.Body, StringComparison.Ordinal);
    }
}
