namespace CloudjetGraph.Core.Keys;

/// <summary>What a data key rotation did.</summary>
/// <param name="Purpose">One of <see cref="Protection.DataKeyPurposeLabels"/>.</param>
/// <param name="NewKeyId">The key now active for the purpose.</param>
/// <param name="PreviousKeyId">The key that was active and is now decrypt-only.</param>
/// <param name="MasterKeyId">The ring key the new key is wrapped under.</param>
public sealed record DataKeyRotationResult(string Purpose, Guid NewKeyId, Guid PreviousKeyId, Guid? MasterKeyId);
