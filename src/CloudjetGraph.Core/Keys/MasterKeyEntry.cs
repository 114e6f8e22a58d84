namespace CloudjetGraph.Core.Keys;

/// <summary>A key of the Data Protection key ring, as the census shows it.</summary>
/// <param name="Id">The ring key's id, also written into the header of every payload it protects.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Activation">From when Data Protection may use it for new payloads.</param>
/// <param name="Expiration">After when Data Protection no longer uses it for new payloads.</param>
/// <param name="Revoked">Whether it was revoked.</param>
/// <param name="Default">Whether Data Protection would wrap new data keys with it now.</param>
/// <param name="Census">What it protects.</param>
public sealed record MasterKeyEntry(
    Guid Id,
    DateTimeOffset Created,
    DateTimeOffset Activation,
    DateTimeOffset Expiration,
    bool Revoked,
    bool Default,
    MasterKeyCensus Census);
