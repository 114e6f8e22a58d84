namespace CloudjetGraph.Core.Breaches;

/// <summary>What <see cref="CompromiseScope"/> found for a window.</summary>
/// <param name="PairingId">The pairing id both stores carry: the proof that the census read a pair.</param>
/// <param name="Records">Every person stored at some moment of the window, profiles first, each by id.</param>
/// <param name="Categories">The personal data categories the stores hold.</param>
/// <param name="Measures">The key custodian operations recorded from the window's start on, oldest first.</param>
public sealed record CompromiseCensus(Guid PairingId, IReadOnlyList<CompromisedRecord> Records, IReadOnlyList<DataCategory> Categories, IReadOnlyList<CompromiseMeasure> Measures);
