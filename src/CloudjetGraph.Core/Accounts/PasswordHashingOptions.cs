using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Accounts;

/// <summary>The cost of owners' password hashes (PBKDF2-HMAC-SHA512, ASP.NET Core Identity's version 3 format).</summary>
internal sealed class PasswordHashingOptions
{
    /// <summary>Configuration section: <c>PasswordHashing</c>.</summary>
    public const string SectionName = "PasswordHashing";

    /// <summary>Today's recommended floor for PBKDF2-HMAC-SHA512.</summary>
    public const int MinimumIterations = 210_000;

    /// <summary>
    /// PBKDF2 iterations of new hashes. Default and floor 210,000. A stored hash of a lower count is
    /// re-hashed at this one at the account's next successful login; the decoy hash an unknown email
    /// is verified against costs the same.
    /// </summary>
    [Range(MinimumIterations, 10_000_000)]
    public int Iterations { get; set; } = MinimumIterations;
}
