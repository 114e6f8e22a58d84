namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The fixed name of each <see cref="DataKeyPurpose"/> that is bound into its wrapped key. A fixed
/// string, not the member's C# name, so renaming a member never makes stored keys unreadable.
/// </summary>
internal static class DataKeyPurposeNames
{
    /// <summary>The stored name of <paramref name="purpose"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a known purpose (e.g. a retired one read from an old row).</exception>
    public static string Of(DataKeyPurpose purpose) => purpose switch
    {
        DataKeyPurpose.BlindIndex => "BlindIndex",
        DataKeyPurpose.TokenSigning => "TokenSigning",
        DataKeyPurpose.RowIntegrity => "RowIntegrity",
        DataKeyPurpose.PersonKeyWrapping => "PersonKeyWrapping",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a data key purpose in use."),
    };
}
