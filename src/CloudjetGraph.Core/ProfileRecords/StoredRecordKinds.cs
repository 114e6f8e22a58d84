namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>The kinds of <see cref="StoredRecordRemoval"/>: stored strings, never derived from a C# identifier.</summary>
public static class StoredRecordKinds
{
    /// <summary>A profile, erased.</summary>
    public const string Profile = "profile";

    /// <summary>An invitation bound to an email, deleted or its blind index cleared.</summary>
    public const string Invitation = "invitation";
}
