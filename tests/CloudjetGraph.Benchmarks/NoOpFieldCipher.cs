using System.Collections.Concurrent;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// The baseline of <see cref="CipherPageBenchmarks"/>: a page served without decryption. It opens
/// each value once for real (so the answer is the same) and then returns the remembered plaintext,
/// so the measured iterations do no cryptography at all. It exists in this assembly alone, so no
/// build of the gateway and no setting can serve a field this way.
/// </summary>
internal sealed class NoOpFieldCipher(FieldCipher real) : IFieldCipher
{
    private readonly ConcurrentDictionary<(Guid RowId, string Column), string> _opened = new();

    public byte[] Seal(string plaintext, PersonKey key, FieldBinding binding) => real.Seal(plaintext, key, binding);

    public byte[] Reseal(byte[] sealedValue, PersonKey oldKey, PersonKey newKey, FieldBinding binding) => real.Reseal(sealedValue, oldKey, newKey, binding);

    public string Open(byte[] sealedValue, PersonKey key, FieldBinding binding) =>
        _opened.GetOrAdd((binding.RowId, binding.Column), _ => real.Open(sealedValue, key, binding));
}
