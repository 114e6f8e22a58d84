using System.Text.Json.Nodes;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>What the blind-index reindex tests do to a running host: rotate the index key, run reindex batches, read the census, search and log in.</summary>
internal static class BlindIndexRotation
{
    public const string ByEmail = "query($email: String) { profiles(where: { email: $email }) { totalCount nodes { id } } }";

    /// <summary>The host's active blind-index key.</summary>
    public static Guid ActiveKey(CloudjetApplication host) =>
        host.WithDb(db => db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.BlindIndex && k.IsActive).Id);

    /// <summary>The custodians' rotation (<c>keys rotate-data --purpose blind-index</c>) run in the host, which reloads its keys at once; returns the new key.</summary>
    public static async Task<Guid> RotateAsync(CloudjetApplication host) =>
        (await DataKeys.RotateAsync(host.Services, DataKeyPurpose.BlindIndex)).New;

    /// <summary>One batch of the reindex, run by the host's own services.</summary>
    public static async Task<KeyJobBatchResult> BatchAsync(CloudjetApplication host, Guid? after, int batchSize)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BlindIndexReindexer>().RunBatchAsync(after, batchSize, dryRun: false, CancellationToken.None);
    }

    /// <summary>How many profiles still have an entry not under the active key.</summary>
    public static async Task<long> PendingAsync(CloudjetApplication host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BlindIndexReindexer>().CountPendingAsync(CancellationToken.None);
    }

    /// <summary>Index entries per blind-index key and unattributed, as <c>keys list --json</c> prints them.</summary>
    public static async Task<(Dictionary<Guid, long> PerKey, long Unattributed)> CensusAsync(CloudjetApplication host)
    {
        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "list", "--json");
        Assert.True(exitCode == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var perKey = json["dataKeys"]!.AsArray()
            .Where(k => k!["purpose"]!.GetValue<string>() == "blind-index")
            .ToDictionary(k => k!["id"]!.GetValue<Guid>(), k => k!["census"]!["indexEntries"]!.GetValue<long>());
        return (perKey, json["unattributed"]!["indexEntries"]!.GetValue<long>());
    }

    /// <summary>Asserts the census: exactly these blind-index keys with these entries, and this many unattributed.</summary>
    public static async Task AssertCensusAsync(CloudjetApplication host, long unattributed, params (Guid Key, long Entries)[] perKey)
    {
        var census = await CensusAsync(host);
        Assert.Equal(perKey.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Entries}"), census.PerKey.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"));
        Assert.Equal(unattributed, census.Unattributed);
    }

    /// <summary>The ids management finds by searching for the address.</summary>
    public static async Task<List<Guid>> SearchAsync(CloudjetApplication host, string email)
    {
        var response = await host.Client(host.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ByEmail, new { email });
        return [.. response.Ok()["profiles"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<Guid>())];
    }

    /// <summary>The profile id an owner token names, read back through <c>me</c>.</summary>
    public static async Task<Guid> OwnIdAsync(CloudjetApplication host, string email, string password = Owners.Password)
    {
        var token = await host.LoginAsync(email, password);
        return (await host.Client(token).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<Guid>();
    }

    /// <summary>The email of an input made by <see cref="Owners.NewInput"/>.</summary>
    public static string EmailOf(string tag) => $"kiem.thu.{tag}@example.vn";
}
