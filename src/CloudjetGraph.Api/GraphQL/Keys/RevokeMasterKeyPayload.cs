namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What <c>revokeMasterKey</c> did.</summary>
/// <param name="MasterKeyId">The revoked ring key.</param>
/// <param name="DataKeysLeftUnreadable">Data keys still under it, which no longer unwrap (non-zero only when forced).</param>
internal sealed record RevokeMasterKeyPayload(Guid MasterKeyId, int DataKeysLeftUnreadable);
