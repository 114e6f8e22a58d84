namespace CloudjetGraph.Core.Protection;

/// <summary>A data key that nothing may open under: disabled, or scheduled for destruction.</summary>
/// <param name="Id">The key.</param>
/// <param name="Purpose">What it is for.</param>
public sealed record DisabledDataKey(Guid Id, DataKeyPurpose Purpose);
