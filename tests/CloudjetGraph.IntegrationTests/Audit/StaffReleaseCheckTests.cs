using CloudjetGraph.Core.Data;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>The disposal check every test host runs (<see cref="StaffReleases"/>) catches a staff read without its entry.</summary>
[ProviderSensitive("deletes an audit entry with SQL")]
public sealed class StaffReleaseCheckTests
{
    [Fact]
    public async Task TestHost_StaffReadWhoseEntryIsGone_FailsTheDisposalCheck()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        (await client.PostAsync("{ profiles(first: 3) { nodes { id fullName } } }")).Ok();
        using (var scope = app.Services.CreateScope())
        {
            app.StaffReleases.AssertAudited(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>());
        }

        app.TrailTampered = true;
        await app.ExecuteSqlAsync("DELETE FROM AuditEntryProfiles; DELETE FROM AuditEntries WHERE Kind = 'release'");

        using var after = app.Services.CreateScope();
        Assert.Equal(1, app.StaffReleases.Count);
        Assert.Throws<TrueException>(() => app.StaffReleases.AssertAudited(after.ServiceProvider.GetRequiredService<CloudjetDbContext>()));
    }
}
