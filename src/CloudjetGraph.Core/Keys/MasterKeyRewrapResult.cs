namespace CloudjetGraph.Core.Keys;

/// <summary>What a re-wrap of the data keys under the ring's default key did.</summary>
/// <param name="DefaultKeyId">The ring key every data key is now wrapped under.</param>
/// <param name="Rewrapped">Data keys moved to it by this run.</param>
/// <param name="AlreadyUnder">Data keys that were under it already and were left alone.</param>
/// <param name="ChangedConcurrently">Data keys whose row changed while this run worked; left as the other writer made them, to be re-wrapped by another run.</param>
public sealed record MasterKeyRewrapResult(Guid DefaultKeyId, int Rewrapped, int AlreadyUnder, int ChangedConcurrently);
