using CloudjetGraph.Core.ProfileRecords;
using Microsoft.AspNetCore.Identity;

namespace CloudjetGraph.Core.Accounts;

/// <summary>
/// The hash a login for an unknown email is verified against, so that both login failures cost the
/// same time. Made once by the configured hasher, so it costs what a stored hash costs whatever
/// <see cref="PasswordHasherOptions.IterationCount"/> says (a hasher of its own kept the default cost).
/// </summary>
public sealed class DecoyPasswordHash(IPasswordHasher<Profile> passwordHasher)
{
    private readonly Lazy<string> _hash = new(() => passwordHasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>The decoy hash, made on first use.</summary>
    public string Value => _hash.Value;
}
