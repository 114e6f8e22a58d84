namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The names custodians see for data key purposes, in the Cli's output and its JSON. Scripts
/// match on them, so each is a fixed string pinned by a test, never derived from a
/// <see cref="DataKeyPurpose"/> identifier that a rename would change.
/// </summary>
public static class DataKeyPurposeLabels
{
    /// <summary>Wrapping the person keys in the key store (<see cref="DataKeyPurpose.PersonKeyWrapping"/>).</summary>
    public const string PersonKeyWrapping = "person-keys";

    /// <summary>The keyed equality index (<see cref="DataKeyPurpose.BlindIndex"/>).</summary>
    public const string BlindIndex = "blind-index";

    /// <summary>Signing the gateway's own access tokens (<see cref="DataKeyPurpose.TokenSigning"/>).</summary>
    public const string TokenSigning = "token-signing";

    /// <summary>Profiles' access tags (<see cref="DataKeyPurpose.RowIntegrity"/>).</summary>
    public const string RowIntegrity = "row-integrity";

    /// <summary>The name of a purpose.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a known purpose.</exception>
    public static string Of(DataKeyPurpose purpose) => purpose switch
    {
        DataKeyPurpose.PersonKeyWrapping => PersonKeyWrapping,
        DataKeyPurpose.BlindIndex => BlindIndex,
        DataKeyPurpose.TokenSigning => TokenSigning,
        DataKeyPurpose.RowIntegrity => RowIntegrity,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a data key purpose."),
    };

    /// <summary>The purpose a custodian named by its label; labels match exactly (scripts write them as listed).</summary>
    public static bool TryParse(string? label, out DataKeyPurpose purpose)
    {
        DataKeyPurpose? found = label switch
        {
            PersonKeyWrapping => DataKeyPurpose.PersonKeyWrapping,
            BlindIndex => DataKeyPurpose.BlindIndex,
            TokenSigning => DataKeyPurpose.TokenSigning,
            RowIntegrity => DataKeyPurpose.RowIntegrity,
            _ => null,
        };
        purpose = found.GetValueOrDefault();
        return found.HasValue;
    }
}
