using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Core.Breaches;

/// <summary>
/// The personal data categories the stores hold, from the field catalogue rather than a list kept
/// by hand: each sealed field, each blind index (invitations index the same email), and the sealed
/// password hash, which is the one personal column outside the catalogue.
/// </summary>
internal static class DataCategories
{
    /// <summary>Sealed values.</summary>
    public const string Sealed = "sealed";

    /// <summary>Blind-index entries.</summary>
    public const string BlindIndex = "blind index";

    /// <summary>Every category, sealed fields in schema order, then the password hash, then the blind indexes.</summary>
    public static IReadOnlyList<DataCategory> Held { get; } =
    [
        .. PersonalFieldCatalogue.All.Select(field => new DataCategory(field.SchemaName, Sealed)),
        new(ProfileSealer.PasswordHashColumn, Sealed),
        .. PersonalFieldCatalogue.All.Where(field => field.BlindIndex is not null).Select(field => new DataCategory(field.SchemaName, BlindIndex)),
    ];
}
