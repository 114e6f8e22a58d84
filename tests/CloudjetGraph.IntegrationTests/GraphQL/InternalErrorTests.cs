using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>A failure the gateway did not foresee answers one fixed error, with the details only in the server log.</summary>
[ProviderSensitive("a provider's own exception must not reach the answer")]
public sealed class InternalErrorTests
{
    [Fact]
    public async Task Management_ListsOrganizationsWhileTheirTableIsGone_GetsInternalServerErrorWithoutDetails()
    {
        await using var app = new CloudjetApplication();
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        Assert.NotEmpty((await client.PostAsync("{ organizations { name } }")).Ok()["organizations"]!.AsArray());

        // Behind the running gateway's back, as a failed disk or a bad migration would.
        await app.ExecuteSqlAsync("ALTER TABLE Organizations RENAME TO OrganizationsAway");
        var response = await client.PostAsync("{ organizations { name } }");
        await app.ExecuteSqlAsync("ALTER TABLE OrganizationsAway RENAME TO Organizations");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.Codes);
        Assert.Equal("An internal error occurred.", response.Errors[0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("Organizations", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(app.DataDirectory, response.Body, StringComparison.Ordinal);
    }
}
