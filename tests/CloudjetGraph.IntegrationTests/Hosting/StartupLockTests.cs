using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// The startup lock seen from outside: a gateway whose database is being initialised by someone
/// else (another instance, <c>keys init</c>) waits, and starts once the holder lets go.
/// </summary>
[ProviderSensitive("the startup lock")]
public sealed class StartupLockTests
{
    [Fact]
    public async Task Gateway_StartsWhileTheStartupLockIsHeld_WaitsThenStartsOnceReleased()
    {
        await using var app = new CloudjetApplication();
        var engine = DatabaseEngines.For(TestDatabase.Provider);
        var options = new DbContextOptionsBuilder<CloudjetDbContext>();
        engine.Use(options, app.ConnectionString);
        await using var db = new CloudjetDbContext(options.Options);
        var held = await engine.HoldStartupLockAsync(db.Database, CancellationToken.None);

        var starting = Task.Run(app.InitializeAsync);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var startedWhileHeld = starting.IsCompleted;
        await held.DisposeAsync();
        await starting.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.False(startedWhileHeld, "The gateway started while another holder had the startup lock.");
        var page = (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync("{ profiles(first: 1) { totalCount } }")).Ok();
        Assert.Equal(200, page["profiles"]!["totalCount"]!.GetValue<int>());
    }
}
