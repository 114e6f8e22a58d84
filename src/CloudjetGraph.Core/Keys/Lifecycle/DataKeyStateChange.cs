namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>What a disable, enable, scheduling or cancellation did.</summary>
/// <param name="Id">The data key.</param>
/// <param name="Purpose">One of <see cref="Protection.DataKeyPurposeLabels"/>.</param>
/// <param name="State">Its state now, one of <see cref="DataKeyStates"/>.</param>
/// <param name="DestroyAfter">When it may be destroyed; null unless it is scheduled for destruction.</param>
public sealed record DataKeyStateChange(Guid Id, string Purpose, string State, DateTimeOffset? DestroyAfter);
