using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The unwrapped data keys of this process, loaded at startup by <see cref="KeyRingBootstrapper"/>
/// and swapped atomically when <see cref="KeyRingRefresher"/> reloads them after a rotation.
/// </summary>
public sealed class DataKeyRing
{
    private FrozenDictionary<Guid, UnwrappedDataKey> _keys = FrozenDictionary<Guid, UnwrappedDataKey>.Empty;

    /// <summary>Replaces the loaded keys.</summary>
    public void Load(IEnumerable<UnwrappedDataKey> keys) => _keys = keys.ToFrozenDictionary(k => k.Id);

    /// <summary>Whether any key is loaded.</summary>
    public bool IsLoaded => _keys.Count > 0;

    /// <summary>Looks up the key with this id.</summary>
    public bool TryGet(Guid id, [NotNullWhen(true)] out UnwrappedDataKey? key) => _keys.TryGetValue(id, out key);

    /// <summary>The key with this id.</summary>
    /// <exception cref="FieldIntegrityException">No such key is loaded.</exception>
    public UnwrappedDataKey Get(Guid id) =>
        _keys.TryGetValue(id, out var key)
            ? key
            : throw new FieldIntegrityException($"Data key {id} is not available.");

    /// <summary>The loaded keys of this purpose, the active one first: every key whose values may still be read or matched.</summary>
    public IReadOnlyList<UnwrappedDataKey> OfPurpose(DataKeyPurpose purpose) =>
        [.. _keys.Values.Where(k => k.Purpose == purpose).OrderByDescending(k => k.IsActive).ThenBy(k => k.Id)];

    /// <summary>The key that protects new values of this purpose.</summary>
    /// <exception cref="InvalidOperationException">The ring was not loaded at startup.</exception>
    public UnwrappedDataKey Active(DataKeyPurpose purpose) =>
        _keys.Values.FirstOrDefault(k => k.Purpose == purpose && k.IsActive)
            ?? throw new InvalidOperationException($"No active {purpose} data key is loaded; startup did not complete.");
}
