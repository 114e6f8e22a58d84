namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// A role as tokens carry it and configuration names it, compared ordinally. Staff roles exist
/// because <c>Authorization:RowScopes</c> names them; only the three below are built in.
/// </summary>
/// <param name="Name">The name exactly as configured and carried in the token's <c>role</c> claim.</param>
public sealed record Role(string Name)
{
    /// <summary>A caller without a valid token.</summary>
    public static Role Anonymous { get; } = new("anonymous");

    /// <summary>The person a profile belongs to; tokens from <c>login</c> only.</summary>
    public static Role Owner { get; } = new("owner");

    /// <summary>Key custodians: manage keys, never read personal data.</summary>
    public static Role KeyCustodian { get; } = new("keyCustodian");

    /// <summary>The roles that exist whatever the configuration says.</summary>
    public static IReadOnlyList<Role> BuiltIn { get; } = [Anonymous, Owner, KeyCustodian];

    /// <inheritdoc/>
    public override string ToString() => Name;
}
