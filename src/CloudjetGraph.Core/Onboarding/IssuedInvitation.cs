using System.Globalization;
using System.Text;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>A new invitation, the only time its code is seen.</summary>
/// <param name="Code">The code to hand to the person; not stored.</param>
/// <param name="ExpiresAt">When it stops opening anything.</param>
public sealed record IssuedInvitation(string Code, DateTimeOffset ExpiresAt)
{
    // A record prints every member: the code is a secret until it is used.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ExpiresAt = ").Append(ExpiresAt.ToString("O", CultureInfo.InvariantCulture));
        return true;
    }
}
