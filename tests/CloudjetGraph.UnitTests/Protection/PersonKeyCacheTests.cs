using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class PersonKeyCacheTests : IDisposable
{
    private readonly TestKeys _keys = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PersonKeyCache _cache;

    public PersonKeyCacheTests()
    {
        _cache = new PersonKeyCache(Options.Create(new KeyStoreOptions { CacheSize = 10, CacheTimeToLive = TimeSpan.FromMinutes(1) }), _clock);
    }

    [Fact]
    public void TryGet_WithinTimeToLive_ReturnsTheSameKey()
    {
        var key = NewKey();
        _cache.Set(key);
        _clock.Advance(TimeSpan.FromSeconds(59));

        Assert.True(_cache.TryGet(key.ProfileId, out var cached));
        Assert.Same(key, cached);
    }

    [Fact]
    public void TryGet_AfterTimeToLive_Misses()
    {
        var key = NewKey();
        _cache.Set(key);
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(1));

        Assert.False(_cache.TryGet(key.ProfileId, out _));
    }

    [Fact]
    public void TryGet_AfterRemove_Misses()
    {
        var key = NewKey();
        _cache.Set(key);

        _cache.Remove(key.ProfileId);

        Assert.False(_cache.TryGet(key.ProfileId, out _));
    }

    [Fact]
    public void Set_MoreKeysThanCacheSize_NeverHoldsMoreThanTheBound()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => NewKey()).ToList();

        foreach (var key in keys)
        {
            _cache.Set(key);
            Assert.InRange(_cache.Count, 1, 10);
        }

        Assert.InRange(keys.Count(key => _cache.TryGet(key.ProfileId, out _)), 1, 10);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _keys.Dispose();
    }

    private PersonKey NewKey() => _keys.Wrapper.Create(Guid.CreateVersion7()).Key;
}
