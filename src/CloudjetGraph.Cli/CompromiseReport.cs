using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Cli;

/// <summary>What <c>audit report --compromise</c> prints: the notification's fields and everyone stored in the window.</summary>
/// <param name="From">Start of the window, inclusive.</param>
/// <param name="To">End, inclusive.</param>
/// <param name="MadeAt">When the report was made.</param>
/// <param name="Census">What the stores held in the window, and the measures since.</param>
/// <param name="Emails">Each stored profile's contact email; null when it can no longer be read.</param>
internal sealed record CompromiseReport(DateTimeOffset From, DateTimeOffset To, DateTimeOffset MadeAt, CompromiseCensus Census, IReadOnlyDictionary<Guid, string?> Emails)
{
    /// <summary>What the server held, as the notification states it.</summary>
    public const string Scope = "The profile database and its key store: sealed personal fields, the wrapped person keys that open them, and the email blind indexes of profiles and of invitations.";

    /// <summary>Why some people have no contact, and how the census counts what it cannot date.</summary>
    public static IReadOnlyList<string> Notes { get; } =
    [
        $"People in state '{StoredRecordStates.Removed}' are listed by id without contact: their data is gone from the stores.",
        $"People in state '{StoredRecordStates.RemovedUnrecorded}' were erased before removals were recorded: counted as stored through the window, without contact.",
        "Invitees are listed by invitation id: only their email's blind index is stored, so their address cannot be recovered; reach them through the staff member who issued the invitation (issuedBy).",
    ];

    /// <summary>How many people the window reached.</summary>
    public int People => Census.Records.Count;

    /// <summary>How many of them are invitees who never signed up.</summary>
    public int Invitees => Census.Records.Count(r => r.Kind == StoredRecordKinds.Invitation);

    /// <summary>How many of them have no data left in the stores.</summary>
    public int Removed => Census.Records.Count(r => r.State != StoredRecordStates.Stored);

    /// <summary>The contact email of a person, for a stored profile only.</summary>
    public string? ContactOf(CompromisedRecord record) => record.State == StoredRecordStates.Stored ? Emails.GetValueOrDefault(record.Id) : null;
}
