using System.Security.Claims;
using System.Security.Cryptography;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.Core.Authentication;

/// <summary>
/// Signs the gateway's own tokens (HMAC-SHA256) with the token-signing data key, which is wrapped
/// by the key ring like every data key, so no signing secret lives in configuration.
/// </summary>
public sealed class TokenIssuer(DataKeyRing ring, IOptions<AccessTokenOptions> options, TimeProvider time)
{
    /// <summary>The claim that carries the role.</summary>
    public const string RoleClaim = "role";

    /// <summary>The claim that carries the subject.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The claim that carries an owner's security stamp (<see cref="ProfileRecords.Profile.SecurityStamp"/>).</summary>
    public const string SecurityStampClaim = "stamp";

    /// <summary>Issues a staff token for <paramref name="subject"/> in <paramref name="role"/>.</summary>
    /// <exception cref="ArgumentException">A blank subject, or the owner role: an owner's token comes from <see cref="IssueOwner"/> with its stamp.</exception>
    public IssuedToken Issue(string subject, Role role, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(role);
        if (role == Role.Owner)
        {
            throw new ArgumentException("An owner's token carries the account's security stamp; issue it with IssueOwner.", nameof(role));
        }

        return Sign([new Claim(SubjectClaim, subject), new Claim(RoleClaim, role.Name)], lifetime);
    }

    /// <summary>Issues the owner token of a profile, carrying the security stamp it is valid under.</summary>
    public IssuedToken IssueOwner(Guid profileId, Guid securityStamp, TimeSpan lifetime) =>
        Sign([new Claim(SubjectClaim, profileId.ToString()), new Claim(RoleClaim, Role.Owner.Name), new Claim(SecurityStampClaim, securityStamp.ToString())], lifetime);

    private IssuedToken Sign(Claim[] claims, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var expiresAt = now.Add(lifetime);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(ToSecurityKey(ring.Active(DataKeyPurpose.TokenSigning)), SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(new JsonWebTokenHandler().CreateToken(descriptor), expiresAt);
    }

    /// <summary>The key that validates a token signed with key id <paramref name="keyId"/>, if the gateway signed it and the key is not disabled.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys(string? keyId) =>
        Guid.TryParse(keyId, out var id) && ring.TryGet(id, out var key) && key.Purpose == DataKeyPurpose.TokenSigning && !ring.IsDisabled(id)
            ? [ToSecurityKey(key)]
            : [];

    /// <summary>
    /// Whether <paramref name="keyId"/> has the form of the gateway's key ids but names no loaded
    /// key: possibly a signing key another instance created since this one last refreshed.
    /// </summary>
    public bool IsUnloadedKeyId(string? keyId) => Guid.TryParse(keyId, out var id) && !ring.TryGet(id, out _);

    /// <summary>
    /// Whether <paramref name="key"/>, the key that validated a token's signature, is one of the
    /// gateway's own signing keys: the only proof that the gateway issued the token, since any
    /// issuer can write any <c>iss</c>.
    /// </summary>
    public bool IsOwnSigningKey(SecurityKey? key) =>
        key is SymmetricSecurityKey symmetric
        && ValidationKeys(symmetric.KeyId) is [SymmetricSecurityKey own]
        && CryptographicOperations.FixedTimeEquals(own.Key, symmetric.Key);

    /// <summary>Whether the active signing key belongs to a development key ring.</summary>
    public bool IsDevelopmentSigningKey => ring.Active(DataKeyPurpose.TokenSigning).DevelopmentOnly;

    private static SymmetricSecurityKey ToSecurityKey(UnwrappedDataKey key) =>
        new(key.Material) { KeyId = key.Id.ToString() };
}
