using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Which keys one gateway instance holds and writes under: its ring keys (revoked ones marked),
/// the default ring key, and the active data key of each purpose. Logged when a refresh changes
/// it, so an operator sees when each instance followed a custodian's rotation or revocation. Key
/// ids open nothing (every stored header carries one).
/// </summary>
internal sealed record KeysInUse(string RingKeys, Guid DefaultRingKey, string ActiveDataKeys)
{
    public static KeysInUse Of(IKeyManager keyManager, IKeyRingProvider ringProvider, DataKeyRing dataKeys)
    {
        var ringKeys = keyManager.GetAllKeys()
            .OrderBy(key => key.ActivationDate)
            .Select(key => key.IsRevoked ? $"{key.KeyId} (revoked)" : key.KeyId.ToString());
        var activeDataKeys = Enum.GetValues<DataKeyPurpose>()
            .Select(purpose => $"{DataKeyPurposeLabels.Of(purpose)} {dataKeys.Active(purpose).Id}");
        return new KeysInUse(string.Join(", ", ringKeys), ringProvider.GetCurrentKeyRing().DefaultKeyId, string.Join(", ", activeDataKeys));
    }
}
