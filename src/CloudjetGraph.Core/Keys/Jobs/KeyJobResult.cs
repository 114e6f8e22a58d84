namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>What a key job run did, as <see cref="KeyJobs"/> reports and records it.</summary>
/// <param name="Outcome">How the run ended in this process.</param>
/// <param name="Invitations">For a finished reindex: what happened to the invitations' entries; null otherwise.</param>
/// <param name="StillPending">For a finished reindex: profiles whose entries stay under an older key (changed concurrently, or an email that no longer opens).</param>
public sealed record KeyJobResult(KeyJobOutcome Outcome, RetiredInvitationEntries? Invitations, long StillPending);
