using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CloudjetGraph.IntegrationTests.Keys.BlindIndexRotation;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Blind-index entries of format 2 use a key derived per column: one address gives unrelated
/// entries in the contact and login columns, an entry copied from one column to the other matches
/// nothing, and entries of format 1 keep matching until <c>keys reindex</c> moves them to format 2.
/// </summary>
[ProviderSensitive("blind-index entries per column and the reindex")]
public sealed class BlindIndexColumnTests
{
    [Fact]
    public async Task Management_SearchesAnEmailWhoseEntryWasCopiedFromTheLoginColumn_FindsNothing()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var owner = await host.SignUpAsync(Owners.NewInput("column-copy"));
        var email = EmailOf("column-copy");
        var row = host.WithDb(db => db.Profiles.AsNoTracking().Single(p => p.Id == owner));
        Assert.NotEqual(row.EmailIndex, row.LoginEmailIndex);
        Assert.Equal([owner], await SearchAsync(host, email));

        Assert.Equal(1, await host.ExecuteSqlAsync("UPDATE Profiles SET EmailIndex = LoginEmailIndex WHERE Id = $id", ("$id", owner)));

        Assert.Empty(await SearchAsync(host, email));
    }

    [Fact]
    public async Task Custodian_ReindexesFormatOneEntries_MovesThemToFormatTwoAndLoginAndSearchWorkBeforeAndAfter()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var owner = await host.SignUpAsync(Owners.NewInput("format-one"));
        var email = EmailOf("format-one");
        var index = host.Services.GetRequiredService<BlindIndex>();

        // As a release before per-column keys wrote them: format 1, the same entry in both columns.
        var formatOne = index.CandidatesForEmail(BlindIndexColumn.ProfileLoginEmail, email)[1];
        Assert.Equal(BlindIndexFormat.LegacyVersion, formatOne[0]);
        Assert.Equal(1, await host.ExecuteSqlAsync("UPDATE Profiles SET EmailIndex = $entry, LoginEmailIndex = $entry WHERE Id = $id", ("$entry", formatOne), ("$id", owner)));
        Assert.Equal(owner, await OwnIdAsync(host, email));
        Assert.Equal([owner], await SearchAsync(host, email));
        Assert.Equal(1, await PendingAsync(host));

        var (exitCode, _, error) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "reindex");

        Assert.True(exitCode == 0, error);
        var row = host.WithDb(db => db.Profiles.AsNoTracking().Single(p => p.Id == owner));
        Assert.Equal(index.ForEmail(BlindIndexColumn.ProfileEmail, email), row.EmailIndex);
        Assert.Equal(index.ForEmail(BlindIndexColumn.ProfileLoginEmail, email), row.LoginEmailIndex);
        Assert.Equal(0, await PendingAsync(host));
        Assert.Equal(owner, await OwnIdAsync(host, email));
        Assert.Equal([owner], await SearchAsync(host, email));
    }
}
