using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CloudjetGraph.IntegrationTests.Keys.BlindIndexRotation;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// A rekey batch deletes a profile's old person key only when the profile is still at the version it
/// moved it to. An owner's edit that lands between the move and the delete bumps the version: the
/// profile keeps both keys, reads whole, and the next pass deletes the leftover.
/// </summary>
[ProviderSensitive("a rekey batch against a concurrent editor")]
public sealed class RekeyVersionGuardTests
{
    private const string Me = "{ me { fullName email jobTitle } }";

    [Fact]
    public async Task Owner_EditsBetweenTheRekeysMoveAndItsDelete_KeepsBothKeysAndReadsWhole()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var id = await host.SignUpAsync(Owners.NewInput("rekey-guard"));
        var editor = host.Client(await host.LoginAsync(EmailOf("rekey-guard")));
        var oldKey = Assert.Single(KeysOf(host, id));
        var startedAt = DateTimeOffset.UtcNow;

        var interceptor = new EditBeforeVersionCheck(async () =>
            (await editor.PostAsync("mutation { updateMyProfile(input: { jobTitle: \"Sửa giữa lúc đổi khóa\" }) { id } }")).Ok());
        Assert.Equal(new KeyJobBatchResult(1, 1, 0, id), await RekeyBatchAsync(host, id, startedAt, interceptor));

        Assert.True(interceptor.Fired);
        var keys = KeysOf(host, id);
        Assert.Equal(2, keys.Count);
        Assert.Contains(oldKey, keys);
        var read = (await editor.PostAsync(Me)).Ok()["me"]!;
        Assert.Equal(("Sửa giữa lúc đổi khóa", EmailOf("rekey-guard")), (read["jobTitle"]!.GetValue<string>(), read["email"]!.GetValue<string>()));

        // The next pass finds every value under the new key, the profile settled: the old key goes.
        Assert.Equal(new KeyJobBatchResult(1, 0, 0, id), await RekeyBatchAsync(host, id, startedAt, interceptor: null));
        Assert.NotEqual(oldKey, Assert.Single(KeysOf(host, id)));
        Assert.Equal("Sửa giữa lúc đổi khóa", (await editor.PostAsync(Me)).Ok()["me"]!["jobTitle"]!.GetValue<string>());
    }

    private static List<Guid> KeysOf(CloudjetApplication host, Guid profileId) =>
        host.WithKeyStore(keyStore => keyStore.PersonKeys.Where(k => k.ProfileId == profileId).Select(k => k.Id).ToList());

    private static async Task<KeyJobBatchResult> RekeyBatchAsync(CloudjetApplication host, Guid profileId, DateTimeOffset startedAt, EditBeforeVersionCheck? interceptor)
    {
        using var scope = host.Services.CreateScope();
        var options = new DbContextOptionsBuilder<CloudjetDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<CloudjetDbContext>>());
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        await using var db = new CloudjetDbContext(options.Options);
        var step = ActivatorUtilities.CreateInstance<ProfileRekeyStep>(scope.ServiceProvider, new RekeyScope(null, profileId), startedAt, db);
        return await step.RunBatchAsync(null, 1, dryRun: false, CancellationToken.None);
    }
}
