using System.Globalization;
using System.Text;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>Opaque paging cursors over recorded custodian operations (their ids, newest first).</summary>
internal static class KeyOperationCursor
{
    private const string Prefix = "key-operation:";

    public static string Encode(long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + id.ToString(CultureInfo.InvariantCulture)));

    /// <exception cref="DomainException">The cursor was not issued by this gateway.</exception>
    public static long Decode(string cursor)
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

        throw new DomainException(ErrorCodes.Validation, "The 'after' cursor is not valid.", "after");
    }
}
