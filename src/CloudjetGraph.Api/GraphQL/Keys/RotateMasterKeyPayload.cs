using CloudjetGraph.Core.Keys;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What <c>rotateMasterKey</c> did.</summary>
/// <param name="MasterKeyId">The new ring key.</param>
/// <param name="Activation">When it becomes the default.</param>
/// <param name="Rewrap">The re-wrap of the data keys under it; null when it was staged for later.</param>
internal sealed record RotateMasterKeyPayload(Guid MasterKeyId, DateTimeOffset Activation, MasterKeyRewrapResult? Rewrap);
