namespace CloudjetGraph.Core.Audit;

/// <summary>What an entry of the owner's access log was: fixed labels, as the owner's export writes them.</summary>
public static class AccessLogEntryKinds
{
    /// <summary>Staff read personal fields for the purpose their role serves; also every release recorded before disclosures were told apart.</summary>
    public const string Read = "read";

    /// <summary>Management disclosed the profile to a competent authority (<c>exportProfileForAuthority</c>).</summary>
    public const string AuthorityDisclosure = "authority-disclosure";
}
