using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.KeyRing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Authentication;

/// <summary>
/// Decides what a token with a valid signature may claim, by the key that signed it, and words the
/// RFC 6750 challenge for a refused token.
/// </summary>
internal sealed partial class CloudjetBearerEvents(
    TokenIssuer issuer,
    OwnerSecurityStamps securityStamps,
    FieldMatrix roles,
    KeyRingRefresher refresher,
    IOptions<AccessTokenOptions> tokenOptions,
    ILogger<CloudjetBearerEvents> logger)
    : JwtBearerEvents
{
    private const string BearerPrefix = "Bearer ";

    private static readonly JsonWebTokenHandler TokenHandler = new();

    /// <summary>The <c>error_description</c> of every refused token; the reason stays in the server log.</summary>
    public const string InvalidTokenDescription = "The bearer token is invalid, expired or not accepted here.";

    public override async Task MessageReceived(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A token signed by a key that another instance created after this one's last refresh
        // would be refused until the next one: reload first (rate-limited, so forged key ids
        // cannot make every request re-read the ring). Only for tokens naming the gateway as
        // issuer: an identity provider's key ids never name a ring key.
        if (issuer.IsUnloadedKeyId(OwnKeyIdOf(context.Request.Headers.Authorization.ToString())))
        {
            await refresher.RefreshForUnknownKeyAsync(context.HttpContext.RequestAborted);
        }
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((Refusal(context) ?? await StaleOwnerTokenAsync(context)) is { } reason)
        {
            LogTokenRefused(logger, reason);
            context.Fail(reason);
        }
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A fixed description: the handler's own names values from the token (its audience), which
        // an attacker writes and which have no place in a response header.
        if (context.AuthenticateFailure is not null)
        {
            context.Error = "invalid_token";
            context.ErrorDescription = InvalidTokenDescription;
        }

        return Task.CompletedTask;
    }

    // The kid header of a compact JWT whose iss is the gateway's, read without validating anything; null otherwise.
    private string? OwnKeyIdOf(string authorization)
    {
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        try
        {
            return TokenHandler.CanReadToken(token) && new JsonWebToken(token) is var jwt && jwt.Issuer == tokenOptions.Value.Issuer ? jwt.Kid : null;
        }
        catch (ArgumentException)
        {
            // Malformed: the handler refuses it with its own reason.
            return null;
        }
    }

    private string? Refusal(TokenValidatedContext context)
    {
        var signedByGateway = issuer.IsOwnSigningKey(context.SecurityToken.SigningKey);

        // Each key speaks only for its own issuer: an identity-provider token naming the gateway's
        // issuer, or a gateway-signed token naming another, is a forgery or a misconfiguration.
        if (signedByGateway != string.Equals(context.SecurityToken.Issuer, tokenOptions.Value.Issuer, StringComparison.Ordinal))
        {
            return "its issuer does not match the key that signed it";
        }

        if (context.Principal is null || !TokenClaims.TryRead(context.Principal, roles, out var role, out _))
        {
            return "it does not carry exactly one subject and exactly one known role";
        }

        // Owners get tokens only from login; the identity provider vouches for staff, never for a profile's owner.
        return role == Role.Owner && !signedByGateway ? "an owner role is accepted only in a token from login" : null;
    }

    // An owner token lives only as long as its account's credentials: a password change or an
    // erasure since it was issued ends it. A token without a stamp was issued before stamps existed.
    private async Task<string?> StaleOwnerTokenAsync(TokenValidatedContext context)
    {
        if (!TokenClaims.TryRead(context.Principal!, roles, out var role, out var subject) || role != Role.Owner)
        {
            return null;
        }

        var stamps = context.Principal!.FindAll(TokenIssuer.SecurityStampClaim).Select(c => c.Value).ToList();
        return Guid.TryParse(subject, out var profileId) && stamps is [var claimed] && Guid.TryParse(claimed, out var stamp)
            && await securityStamps.IsCurrentAsync(profileId, stamp, context.HttpContext.RequestAborted)
            ? null
            : "its account's password changed since it was issued, or the account is gone";
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "A bearer token was refused: {Reason}.")]
    private static partial void LogTokenRefused(ILogger logger, string reason);
}
