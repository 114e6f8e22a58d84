namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>What <see cref="BlindIndexReindexer.RetireInvitationEntriesAsync"/> did.</summary>
/// <param name="Cleared">Entries dropped from used or expired invitations.</param>
/// <param name="StillOpen">Open invitations that keep their entry under an older key until they are used or expire.</param>
public sealed record RetiredInvitationEntries(int Cleared, int StillOpen);
