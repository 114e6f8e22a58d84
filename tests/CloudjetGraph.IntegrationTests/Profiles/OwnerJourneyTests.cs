using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Profiles;

public sealed class OwnerJourneyTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string MeQuery = "{ me { id fullName email phone skype department jobTitle loginEmail consent { policyVersion withdrawnAt } organization { id } } }";

    [Fact]
    public async Task Owner_SignsUpLogsInAndReadsMe_GetsOwnData()
    {
        var input = Owners.NewInput("roundtrip");
        var profileId = await app.SignUpAsync(input);
        var token = await app.LoginAsync("KIEM.THU.ROUNDTRIP@example.vn ");

        var me = (await app.Client(token).PostAsync(MeQuery)).Ok()["me"]!;

        Assert.Equal(profileId.ToString(), me["id"]!.GetValue<string>());
        Assert.Equal("Trần Thị Kiểm Thử roundtrip", me["fullName"]!.GetValue<string>());
        Assert.Equal("kiem.thu.roundtrip@example.vn", me["email"]!.GetValue<string>());
        Assert.Equal("kiem.thu.roundtrip@example.vn", me["loginEmail"]!.GetValue<string>());
        Assert.Equal("+84 912 345 678", me["phone"]!.GetValue<string>());
        Assert.Equal("live:kiemthuroundtrip", me["skype"]!.GetValue<string>());
        Assert.Equal("Phòng Kiểm thử roundtrip", me["department"]!.GetValue<string>());
        Assert.Equal("Chuyên viên roundtrip", me["jobTitle"]!.GetValue<string>());
        Assert.Equal("2019-04-22", me["consent"]!["policyVersion"]!.GetValue<string>());
        Assert.Null(me["consent"]!["withdrawnAt"]);
        Assert.Equal(Owners.OrganizationId(1).ToString(), me["organization"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Owner_UpdatesOwnProfile_ChangesOnlyGivenFields()
    {
        await app.SignUpAsync(Owners.NewInput("update"));
        var client = app.Client(await app.LoginAsync("kiem.thu.update@example.vn"));

        var updated = (await client.PostAsync(
            "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { fullName skype jobTitle phone } }",
            new { input = new { jobTitle = "Trưởng phòng", skype = (string?)null } })).Ok()["updateMyProfile"]!;

        Assert.Equal("Trưởng phòng", updated["jobTitle"]!.GetValue<string>());
        Assert.Null(updated["skype"]);
        Assert.Equal("Trần Thị Kiểm Thử update", updated["fullName"]!.GetValue<string>());
        Assert.Equal("+84 912 345 678", updated["phone"]!.GetValue<string>());
        var me = (await client.PostAsync("{ me { jobTitle skype } }")).Ok()["me"]!;
        Assert.Equal("Trưởng phòng", me["jobTitle"]!.GetValue<string>());
        Assert.Null(me["skype"]);
    }

    [Fact]
    public async Task Owner_UpdatesLoginEmail_IsRefusedAsUnknownInputField()
    {
        await app.SignUpAsync(Owners.NewInput("loginmail"));
        var client = app.Client(await app.LoginAsync("kiem.thu.loginmail@example.vn"));

        var response = await client.PostAsync("mutation { updateMyProfile(input: { loginEmail: \"x@example.vn\" }) { id } }");

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
        await app.LoginAsync("kiem.thu.loginmail@example.vn");
    }

    [Fact]
    public async Task Owner_ClearsFullName_GetsValidationErrorAndKeepsValue()
    {
        await app.SignUpAsync(Owners.NewInput("clear"));
        var client = app.Client(await app.LoginAsync("kiem.thu.clear@example.vn"));

        var response = await client.PostAsync("mutation { updateMyProfile(input: { fullName: null }) { id } }");

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("fullName", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("Trần Thị Kiểm Thử clear", (await client.PostAsync("{ me { fullName } }")).Ok()["me"]!["fullName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_UpdateMyProfile_IsNotAuthorized()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("mutation { updateMyProfile(input: { jobTitle: \"x\" }) { id } }");

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.Codes);
        Assert.Null(response.Data!["updateMyProfile"]);
    }

    [Fact]
    public async Task Anonymous_ReadsMe_IsNotAuthenticated()
    {
        var response = await app.Client().PostAsync("{ me { id } }");

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
        Assert.Null(response.Data!["me"]);
    }

    [Fact]
    public async Task Staff_ReadsMe_GetsNull()
    {
        var response = await app.Client(app.StaffToken(DefaultRole.Support, "support-demo")).PostAsync("{ me { id } }");

        Assert.Null(response.Ok()["me"]);
    }
}
