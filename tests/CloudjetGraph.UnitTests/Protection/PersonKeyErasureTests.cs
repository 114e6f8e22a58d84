using System.Security.Cryptography;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>A person key's bytes are zeroed and its AES-GCM instances disposed when it leaves the cache, and no use of it fails for that.</summary>
public sealed class PersonKeyErasureTests : IDisposable
{
    private static readonly TimeSpan EvictionCallbackWait = TimeSpan.FromSeconds(10);

    private readonly TestKeys _keys = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PersonKeyCache _cache;

    public PersonKeyErasureTests()
    {
        _cache = new PersonKeyCache(Options.Create(new KeyStoreOptions { CacheSize = 2, CacheTimeToLive = TimeSpan.FromMinutes(1) }), _clock);
    }

    [Fact]
    public void Dispose_NoUseInFlight_ZeroesTheKeyBytes()
    {
        var key = NewKey();
        Assert.False(IsZero(key.Material));

        key.Dispose();

        Assert.True(key.IsErased);
        Assert.True(IsZero(key.Material));
    }

    [Fact]
    public void Dispose_WhileACipherIsRented_ErasesOnlyWhenItComesBack_ThenThatCipherIsDisposed()
    {
        var key = NewKey();
        var rented = key.Rent();

        key.Dispose();
        Assert.False(key.IsErased);
        Assert.False(IsZero(key.Material));

        key.Return(rented);

        Assert.True(key.IsErased);
        Assert.True(IsZero(key.Material));
        Assert.Throws<ObjectDisposedException>(() => rented.Encrypt(new byte[12], new byte[1], new byte[1], new byte[16]));
    }

    [Fact]
    public void SealAndOpen_WithAKeyErasedInBetween_RoundTripWithoutKeepingTheBytes()
    {
        var binding = TestKeys.NewBinding();
        var key = NewKey(binding.RowId);
        var sealedValue = _keys.Cipher.Seal("Nguyễn Văn An", key, binding);

        key.Dispose();

        Assert.Equal("Nguyễn Văn An", _keys.Cipher.Open(sealedValue, key, binding));
        var resealed = _keys.Cipher.Seal("Trần Thị Hương", key, binding);
        Assert.Equal("Trần Thị Hương", _keys.Cipher.Open(resealed, key, binding));
        Assert.True(key.IsErased);
        Assert.True(IsZero(key.Material));
    }

    [Fact]
    public void Open_WithAnErasedKeyWhoseWrappingKeyIsNowDisabled_IsWithheldAsDisabled()
    {
        var binding = TestKeys.NewBinding();
        var key = NewKey(binding.RowId);
        var sealedValue = _keys.Cipher.Seal("Nguyễn Văn An", key, binding);
        key.Dispose();

        _keys.Ring.ReplaceDisabled([new DisabledDataKey(_keys.WrappingKey.Id, DataKeyPurpose.PersonKeyWrapping)]);

        Assert.Throws<DataKeyDisabledException>(() => _keys.Cipher.Open(sealedValue, key, binding));
    }

    [Fact]
    public async Task SealAndOpen_ManyThreadsWhileTheKeyIsDisposed_EverySealOpensAndTheBytesEndErased()
    {
        var binding = TestKeys.NewBinding();
        var key = NewKey(binding.RowId);
        var start = new TaskCompletionSource();
        var users = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            for (var round = 0; round < 200; round++)
            {
                var value = $"value {i}/{round}";
                Assert.Equal(value, _keys.Cipher.Open(_keys.Cipher.Seal(value, key, binding), key, binding));
            }
        })).ToArray();

        start.SetResult();
        key.Dispose();
        await Task.WhenAll(users);

        Assert.True(key.IsErased);
        Assert.True(IsZero(key.Material));
    }

    [Fact]
    public async Task Cache_KeyRemoved_IsErased()
    {
        var key = NewKey();
        _cache.Set(key);

        _cache.Remove(key.ProfileId);

        await UntilErasedAsync(key);
    }

    [Fact]
    public async Task Cache_KeyExpired_IsErasedWhenTheCacheNextLooks()
    {
        var key = NewKey();
        _cache.Set(key);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(_cache.TryGet(key.ProfileId, out _));

        await UntilErasedAsync(key);
    }

    [Fact]
    public async Task Cache_Cleared_ErasesEveryKey()
    {
        var keys = new[] { NewKey(), NewKey() };
        Array.ForEach(keys, _cache.Set);

        _cache.Clear();

        foreach (var key in keys)
        {
            await UntilErasedAsync(key);
        }
    }

    [Fact]
    public async Task Cache_KeyReplacedByTheProfilesNewKey_ErasesTheOldOneOnly()
    {
        var profileId = Guid.CreateVersion7();
        var old = NewKey(profileId);
        var replacement = NewKey(profileId);
        _cache.Set(old);

        _cache.Set(replacement);

        await UntilErasedAsync(old);
        Assert.False(replacement.IsErased);
        Assert.True(_cache.TryGet(profileId, out var cached));
        Assert.Same(replacement, cached);
    }

    [Fact]
    public async Task Cache_Full_ErasesTheKeyItCouldNotKeep_WhichStillSealsAndOpens()
    {
        var kept = new[] { NewKey(), NewKey() };
        Array.ForEach(kept, _cache.Set);
        var binding = TestKeys.NewBinding();
        var refused = NewKey(binding.RowId);

        _cache.Set(refused);

        await UntilErasedAsync(refused);
        Assert.Equal("Phòng Kế toán", _keys.Cipher.Open(_keys.Cipher.Seal("Phòng Kế toán", refused, binding), refused, binding));
    }

    [Fact]
    public void Cache_Disposed_ErasesEveryKeyItHeld()
    {
        var key = NewKey();
        _cache.Set(key);

        _cache.Dispose();

        SpinWait.SpinUntil(() => key.IsErased, EvictionCallbackWait);
        Assert.True(IsZero(key.Material));
    }

    public void Dispose()
    {
        _cache.Dispose();
        _keys.Dispose();
    }

    // The cache calls its eviction callbacks on the thread pool.
    private static async Task UntilErasedAsync(PersonKey key)
    {
        using var timeout = new CancellationTokenSource(EvictionCallbackWait);
        while (!key.IsErased)
        {
            await Task.Delay(10, timeout.Token);
        }

        Assert.True(IsZero(key.Material));
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0) < 0;

    private PersonKey NewKey(Guid? profileId = null) => _keys.Wrapper.Create(profileId ?? Guid.CreateVersion7()).Key;
}
