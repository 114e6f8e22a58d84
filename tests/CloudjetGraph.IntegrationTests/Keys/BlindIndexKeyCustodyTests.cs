using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Blind-index keys live in the key store, not beside the entries they compute: a deployment from
/// before has them moved at its next start without losing one, a start interrupted between the copy
/// and the removal finishes the move, and a key store that lacks one is refused, never counted as empty.
/// </summary>
[Trait(TestTraits.SqliteFileOnly, "stages an older version's files by editing the SQLite databases")]
public sealed class BlindIndexKeyCustodyTests
{
    private const string BlindIndexRows = "WHERE Purpose = 2";

    [Fact]
    public async Task Startup_BlindIndexKeyStillInTheProfileDatabase_MovesItAndLoginStillWorks()
    {
        var ran = await HostThatRanAsync("custody-move");
        await using (var before = new CloudjetApplication { DataDirectory = ran.DataDirectory, KeepData = true })
        {
            // As a deployment from before this version left it: the bytes in the row, none in the key store.
            Assert.Equal(1, await before.ExecuteSqlAsync($"UPDATE DataKeys SET WrappedKey = $wrapped {BlindIndexRows}", ("$wrapped", ran.Wrapped)));
            Assert.Equal(1, await before.ExecuteKeyStoreSqlAsync("DELETE FROM DataKeys"));
        }

        await AssertMovedAsync(ran);
    }

    [Fact]
    public async Task Startup_InterruptedBetweenCopyAndRemoval_FinishesTheMoveAndLoginStillWorks()
    {
        var ran = await HostThatRanAsync("custody-crash");
        await using (var before = new CloudjetApplication { DataDirectory = ran.DataDirectory, KeepData = true })
        {
            // The copy made and checked, the row not emptied yet: both hold the key.
            Assert.Equal(1, await before.ExecuteSqlAsync($"UPDATE DataKeys SET WrappedKey = $wrapped {BlindIndexRows}", ("$wrapped", ran.Wrapped)));
        }

        await AssertMovedAsync(ran);
    }

    [Fact]
    public async Task Startup_KeyStoreCopyHoldsOtherMaterial_RefusesAndKeepsTheRow()
    {
        var ran = await HostThatRanAsync("custody-other");
        await using var second = new CloudjetApplication { DataDirectory = ran.DataDirectory };
        await second.ExecuteSqlAsync($"UPDATE DataKeys SET WrappedKey = $wrapped {BlindIndexRows}", ("$wrapped", ran.Wrapped));
        await second.ExecuteKeyStoreSqlAsync("UPDATE DataKeys SET WrappedKey = $other", ("$other", ran.OtherMaterial));

        Assert.Contains($"Data key {ran.KeyId} has other material in the key store", StartupRefusal.Of(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_KeyStoreLacksTheBlindIndexKey_CensusAndStartRefuseInsteadOfCountingNothing()
    {
        var ran = await HostThatRanAsync("custody-missing");
        await using var second = new CloudjetApplication { DataDirectory = ran.DataDirectory };
        Assert.Equal(1, await second.ExecuteKeyStoreSqlAsync("DELETE FROM DataKeys"));

        var (exitCode, _, error) = await Custodian.KeysAsync(Custodian.SettingsOf(second), "list");

        Assert.Equal(6, exitCode);
        Assert.Contains($"does not hold blind-index data key {ran.KeyId}", error, StringComparison.Ordinal);
        Assert.Contains($"does not hold blind-index data key {ran.KeyId}", StartupRefusal.Of(second), StringComparison.Ordinal);
    }

    private static async Task AssertMovedAsync(HostThatRan ran)
    {
        await using var after = new CloudjetApplication { DataDirectory = ran.DataDirectory };
        await after.InitializeAsync();
        Assert.Equal(ran.Owner, await BlindIndexRotation.OwnIdAsync(after, ran.Email));
        Assert.Equal(ran.Wrapped, after.WithKeyStore(keyStore => keyStore.DataKeys.Single(k => k.Id == ran.KeyId).WrappedKey));
        Assert.Empty(after.WithDb(db => db.DataKeys.Single(k => k.Id == ran.KeyId).WrappedKey));
    }

    private static async Task<HostThatRan> HostThatRanAsync(string tag)
    {
        await using var first = new CloudjetApplication { KeepData = true };
        await first.InitializeAsync();
        var owner = await first.SignUpAsync(Owners.NewInput(tag));
        var keyId = BlindIndexRotation.ActiveKey(first);
        var wrapped = first.WithKeyStore(keyStore => keyStore.DataKeys.Single(k => k.Id == keyId).WrappedKey);
        Assert.Empty(first.WithDb(db => db.DataKeys.Single(k => k.Id == keyId).WrappedKey));
        var other = first.Services.GetRequiredService<DataKeyWrapper>().CreateWrappedKey(keyId, DataKeyPurpose.BlindIndex);
        return new HostThatRan(first.DataDirectory, BlindIndexRotation.EmailOf(tag), owner, keyId, wrapped, other);
    }

    private sealed record HostThatRan(string DataDirectory, string Email, Guid Owner, Guid KeyId, byte[] Wrapped, byte[] OtherMaterial);
}
