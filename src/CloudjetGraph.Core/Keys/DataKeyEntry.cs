namespace CloudjetGraph.Core.Keys;

/// <summary>A data key, as the census shows it: read from its row, never unwrapped.</summary>
/// <param name="Id">The id written into the header of every value it protects.</param>
/// <param name="Purpose">One of <see cref="Protection.DataKeyPurposeLabels"/>.</param>
/// <param name="State">One of <see cref="DataKeyStates"/>.</param>
/// <param name="MasterKeyId">The ring key its wrapped form names; null when that form has no Data Protection header.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Census">What it protects.</param>
public sealed record DataKeyEntry(Guid Id, string Purpose, string State, Guid? MasterKeyId, DateTimeOffset Created, DataKeyCensus Census);
