namespace CloudjetGraph.Core.Protection;

/// <summary>A data key's plaintext material, held only in memory.</summary>
/// <param name="Id">The key id written into headers.</param>
/// <param name="Purpose">What the key is for.</param>
/// <param name="Material">The 256-bit key.</param>
/// <param name="IsActive">Whether new values use it.</param>
/// <param name="DevelopmentOnly">Whether it belongs to a development key ring.</param>
public sealed record UnwrappedDataKey(Guid Id, DataKeyPurpose Purpose, byte[] Material, bool IsActive, bool DevelopmentOnly);
