using System.Text;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>Opaque paging cursors over profile ids (time-ordered version 7 GUIDs).</summary>
internal static class ProfileCursor
{
    private const string Prefix = "profile:";

    public static string Encode(Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + id.ToString("N")));

    /// <exception cref="DomainException">The cursor was not issued by this gateway.</exception>
    public static Guid Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(text[Prefix.Length..], "N", out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other foreign cursor.
        }

        throw new DomainException(ErrorCodes.Validation, "The 'after' cursor is not valid.");
    }
}
