using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// The person keys a rekey batch moves its profiles to, by profile: a key it made is used as made,
/// one a killed run made is unwrapped once, and retries reuse them. Never cached beyond the batch:
/// their bytes go when it ends.
/// </summary>
internal sealed class BatchPersonKeys : IDisposable
{
    private readonly Dictionary<Guid, PersonKey> _keys = [];

    /// <summary>Keeps a key the batch made for <paramref name="profileId"/>.</summary>
    public void Add(Guid profileId, PersonKey key) => _keys.Add(profileId, key);

    /// <summary>The profile's key, unwrapped by <paramref name="unwrap"/> the first time it is asked for.</summary>
    public PersonKey GetOrUnwrap(Guid profileId, Func<PersonKey> unwrap)
    {
        if (!_keys.TryGetValue(profileId, out var key))
        {
            _keys[profileId] = key = unwrap();
        }

        return key;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
