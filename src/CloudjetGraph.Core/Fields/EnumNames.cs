using System.Collections.Frozen;
using System.Text.Json;

namespace CloudjetGraph.Core.Fields;

/// <summary>
/// The camelCase names that schema, tokens and configuration use for enum members, parsed
/// case-insensitively. Only a member's name parses: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// also accepts numbers and comma-joined flags ("Masked,Read" = Edit), which would let a typo in a
/// setting grant more than intended.
/// </summary>
public static class EnumNames
{
    /// <summary>The camelCase name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Parses a member name in any case; false for anything else.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum => Members<TEnum>.ByName.TryGetValue(name ?? string.Empty, out value);

    private static class Members<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(Of, StringComparer.OrdinalIgnoreCase);
    }
}
