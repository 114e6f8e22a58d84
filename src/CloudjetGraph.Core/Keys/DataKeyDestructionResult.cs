namespace CloudjetGraph.Core.Keys;

/// <summary>What destroying a data key did.</summary>
/// <param name="Id">The destroyed key; its row stays as a tombstone in state <see cref="DataKeyStates.Destroyed"/>.</param>
/// <param name="Purpose">One of <see cref="Protection.DataKeyPurposeLabels"/>.</param>
public sealed record DataKeyDestructionResult(Guid Id, string Purpose);
