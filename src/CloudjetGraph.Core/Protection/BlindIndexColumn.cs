namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A column that holds email blind-index entries. Each has its own key derived from the blind-index
/// data key (format 2), so equal addresses in two columns give unrelated entries, and an entry
/// copied to another column matches nothing there. The labels reach stored bytes: fixed strings
/// pinned by a test, never C# identifiers.
/// </summary>
public sealed class BlindIndexColumn
{
    private BlindIndexColumn(string label) => Label = label;

    /// <summary>Profiles' contact email (<c>Profiles.EmailIndex</c>): staff search.</summary>
    public static BlindIndexColumn ProfileEmail { get; } = new("profiles|email");

    /// <summary>Profiles' login email (<c>Profiles.LoginEmailIndex</c>): login, sign-up uniqueness, the per-account login limit.</summary>
    public static BlindIndexColumn ProfileLoginEmail { get; } = new("profiles|loginEmail");

    /// <summary>The address an invitation is bound to (<c>Invitations.EmailIndex</c>).</summary>
    public static BlindIndexColumn InvitationEmail { get; } = new("invitations|email");

    /// <summary>Every indexed column.</summary>
    public static IReadOnlyList<BlindIndexColumn> All { get; } = [ProfileEmail, ProfileLoginEmail, InvitationEmail];

    /// <summary>The fixed label bound into the column's derived key.</summary>
    public string Label { get; }

    /// <inheritdoc />
    public override string ToString() => Label;
}
