using System.Text;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Profiles;

/// <summary>
/// The value rules through the API: a hidden, lookalike or malformed value is refused with a
/// VALIDATION error naming the field and changes nothing; an accepted value is stored normalised.
/// </summary>
public sealed class ValueRulesTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string Update = "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }";
    private const string Me = "{ me { fullName email phone skype department jobTitle } }";

    [Theory]
    [InlineData("email", "kiem.thu.zw\u200B@example.vn")] // zero-width space
    [InlineData("email", "kiem.thu.cyrillic@ex\u0430mple.vn")] // Cyrillic а among Latin letters
    [InlineData("email", "a@b")]
    [InlineData("fullName", "\u202ETrần Thị Kiểm Thử")] // right-to-left override
    [InlineData("fullName", "\u200B\u200C\u200D")] // nothing but zero-width characters
    [InlineData("department", "\u3164")] // Hangul filler
    [InlineData("phone", "+++++++++")]
    [InlineData("skype", "live:kiem thu")]
    public async Task Owner_UpdatesWithHostileValue_GetsValidationAndNothingChanges(string field, string value)
    {
        var tag = $"rules-{field}-{value.Length}";
        await app.SignUpAsync(Owners.NewInput(tag));
        var client = app.Client(await app.LoginAsync($"kiem.thu.{tag}@example.vn"));
        var before = (await client.PostAsync(Me)).Ok()["me"]!.ToJsonString();

        var response = await client.PostAsync(Update, new { input = new Dictionary<string, string> { [field] = value } });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.DoesNotContain(value, response.Body, StringComparison.Ordinal);
        Assert.Equal(before, (await client.PostAsync(Me)).Ok()["me"]!.ToJsonString());
    }

    [Fact]
    public async Task Owner_UpdatesWithDecomposedNameAndUpperCaseDomain_ReadsBackTheNormalisedForm()
    {
        await app.SignUpAsync(Owners.NewInput("normalise"));
        var client = app.Client(await app.LoginAsync("kiem.thu.normalise@example.vn"));
        var decomposedName = "  Trần Thị Kiểm Thử normalise  ".Normalize(NormalizationForm.FormD);

        var response = await client.PostAsync(Update, new { input = new { fullName = decomposedName, email = " Kiem.Thu.Normalise@EXAMPLE.VN " } });

        response.Ok();
        var me = (await client.PostAsync(Me)).Ok()["me"]!;
        Assert.Equal("Trần Thị Kiểm Thử normalise", me["fullName"]!.GetValue<string>());
        Assert.True(me["fullName"]!.GetValue<string>().IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Kiem.Thu.Normalise@example.vn", me["email"]!.GetValue<string>());
    }
}
