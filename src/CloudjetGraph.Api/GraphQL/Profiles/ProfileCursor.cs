using System.Text;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>Opaque paging cursors over profile ids (time-ordered version 7 GUIDs).</summary>
internal static class ProfileCursor
{
    private const string Prefix = "profile:";

    public static string Encode(Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + id.ToString("N")));

    /// <summary>The profile id a cursor points at.</summary>
    /// <param name="cursor">The cursor as the client sent it.</param>
    /// <param name="argument">The argument it came in (<c>after</c> or <c>before</c>), for the error.</param>
    /// <exception cref="DomainException">The cursor was not issued by this gateway.</exception>
    public static Guid Decode(string cursor, string argument)
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

        throw new DomainException(ErrorCodes.Validation, $"The '{argument}' cursor is not valid.");
    }
}
