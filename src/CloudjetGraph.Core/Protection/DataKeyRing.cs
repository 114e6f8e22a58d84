using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The unwrapped data keys of this process, loaded at startup by <see cref="KeyRing.KeyRingBootstrapper"/>
/// and swapped atomically when <see cref="KeyRing.KeyRingRefresher"/> reloads them after a rotation; and
/// which of them are disabled, loaded by <see cref="KeyRing.DisabledDataKeysLoader"/>. A disabled key stays
/// unwrapped, so that enabling it restores every read without touching the ring.
/// </summary>
public sealed class DataKeyRing
{
    private readonly DisabledKeyUses? _uses;
    private FrozenDictionary<Guid, UnwrappedDataKey> _keys = FrozenDictionary<Guid, UnwrappedDataKey>.Empty;
    private FrozenDictionary<Guid, DisabledDataKey> _disabled = FrozenDictionary<Guid, DisabledDataKey>.Empty;

    /// <summary>A ring that records nothing (a canary check, a test).</summary>
    public DataKeyRing()
    {
    }

    /// <summary>The gateway's ring: each attempt under a disabled key is counted in <paramref name="uses"/>.</summary>
    public DataKeyRing(DisabledKeyUses uses) => _uses = uses;

    /// <summary>Replaces the loaded keys.</summary>
    internal void Load(IEnumerable<UnwrappedDataKey> keys) => _keys = keys.ToFrozenDictionary(k => k.Id);

    /// <summary>Whether any key is loaded.</summary>
    public bool IsLoaded => _keys.Count > 0;

    /// <summary>Looks up the key with this id.</summary>
    internal bool TryGet(Guid id, [NotNullWhen(true)] out UnwrappedDataKey? key) => _keys.TryGetValue(id, out key);

    /// <summary>The key with this id.</summary>
    /// <exception cref="FieldIntegrityException">No such key is loaded.</exception>
    internal UnwrappedDataKey Get(Guid id) =>
        _keys.TryGetValue(id, out var key)
            ? key
            : throw new FieldIntegrityException($"Data key {id} is not available.");

    /// <summary>The keys nothing may be opened under now, ordered by id.</summary>
    public IReadOnlyList<DisabledDataKey> Disabled => [.. _disabled.Values.OrderBy(k => k.Id)];

    /// <summary>Replaces the disabled keys; true when one of them was not disabled before.</summary>
    public bool ReplaceDisabled(IEnumerable<DisabledDataKey> keys)
    {
        var next = keys.ToFrozenDictionary(k => k.Id);
        var newlyDisabled = next.Keys.Any(id => !_disabled.ContainsKey(id));
        _disabled = next;
        return newlyDisabled;
    }

    /// <summary>Whether nothing may be opened under <paramref name="id"/>.</summary>
    public bool IsDisabled(Guid id) => _disabled.ContainsKey(id);

    /// <summary>Counts the attempt and throws when <paramref name="id"/> is disabled; otherwise does nothing.</summary>
    /// <exception cref="DataKeyDisabledException">The key is disabled.</exception>
    public void ThrowIfDisabled(Guid id)
    {
        if (_disabled.TryGetValue(id, out var key))
        {
            _uses?.Record(key);
            throw new DataKeyDisabledException(id);
        }
    }

    /// <summary>The loaded keys of this purpose, the active one first: every key whose values may still be read or matched.</summary>
    internal IReadOnlyList<UnwrappedDataKey> OfPurpose(DataKeyPurpose purpose) =>
        [.. _keys.Values.Where(k => k.Purpose == purpose).OrderByDescending(k => k.IsActive).ThenBy(k => k.Id)];

    /// <summary>The key that protects new values of this purpose.</summary>
    /// <exception cref="InvalidOperationException">The ring was not loaded at startup.</exception>
    internal UnwrappedDataKey Active(DataKeyPurpose purpose) =>
        _keys.Values.FirstOrDefault(k => k.Purpose == purpose && k.IsActive)
            ?? throw new InvalidOperationException($"No active {purpose} data key is loaded; startup did not complete.");
}
