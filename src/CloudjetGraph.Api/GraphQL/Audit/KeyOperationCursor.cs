using System.Globalization;
using System.Text;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>Opaque paging cursors over recorded custodian operations (their ids, newest first).</summary>
internal static class KeyOperationCursor
{
    private const string Prefix = "key-operation:";

    public static string Encode(long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The operation id a cursor points at.</summary>
    /// <param name="cursor">The cursor as the client sent it.</param>
    /// <param name="argument">The argument it came in (<c>after</c> or <c>before</c>), for the error.</param>
    /// <exception cref="DomainException">The cursor was not issued by this gateway.</exception>
    public static long Decode(string cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other foreign cursor.
        }

        throw new DomainException(ErrorCodes.Validation, $"The '{argument}' cursor is not valid.", argument);
    }
}
