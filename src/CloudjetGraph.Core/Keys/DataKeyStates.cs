namespace CloudjetGraph.Core.Keys;

/// <summary>
/// The states of a data key as custodians see them; fixed strings that scripts match on. A
/// <c>destroyed</c> state comes with key destruction (issue 6); no key can be in it yet.
/// </summary>
public static class DataKeyStates
{
    /// <summary>New values of its purpose are written with it.</summary>
    public const string Active = "active";

    /// <summary>Kept to read what it protects; nothing new is written with it.</summary>
    public const string DecryptOnly = "decrypt-only";
}
