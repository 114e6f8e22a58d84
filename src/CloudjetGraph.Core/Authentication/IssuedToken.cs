using System.Globalization;
using System.Text;

namespace CloudjetGraph.Core.Authentication;

/// <summary>A signed bearer token and when it expires.</summary>
/// <param name="Token">The compact JWT.</param>
/// <param name="ExpiresAt">Expiry time.</param>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt)
{
    // A record prints every member: the token must not reach a log line.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ExpiresAt = ").Append(ExpiresAt.ToString("O", CultureInfo.InvariantCulture));
        return true;
    }
}
