using CloudjetGraph.Core.Data;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// A database one migration behind the tool (its newest table missing) is refused with the
/// sentence that says so, not with the error of a query on the missing table.
/// </summary>
[ProviderSensitive("reverts a migration on the provider's database")]
public sealed class KeysListOnOlderSchemaTests
{
    // The migration before the newest, whose table the census reads before anything else.
    private const string BeforeRingKeyRevocations = "ProfileCountsAndScopedPages";

    [Fact]
    public async Task Custodian_ListsKeysOfADatabaseOneMigrationBehind_RefusedAsOlderThanTheTool()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        await MigrateAsync(host, BeforeRingKeyRevocations);

        var (exitCode, output, error) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "list");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal("keys list: The database schema is older than this tool; start the gateway of this version once to migrate it.", error.Trim());

        // Back to this version, so the host's own checks on disposal read a current database.
        await MigrateAsync(host, target: null);
    }

    private static async Task MigrateAsync(CloudjetApplication host, string? target)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().GetService<IMigrator>().MigrateAsync(target);
    }
}
