using CloudjetGraph.Core.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.Api.Authentication;

/// <summary>Registers JWT bearer authentication for the gateway's own tokens and, optionally, the company IdP's.</summary>
internal static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddCloudjetAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessTokenOptions>, TokenIssuer>((jwt, tokenOptions, issuer) =>
            {
                var settings = tokenOptions.Value;
                jwt.MapInboundClaims = false;
                jwt.EventsType = typeof(CloudjetBearerEvents);
                if (!string.IsNullOrWhiteSpace(settings.Authority))
                {
                    // The IdP's issuer and signing keys are added from its metadata document.
                    jwt.Authority = settings.Authority;
                    jwt.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                }

                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    NameClaimType = TokenIssuer.SubjectClaim,
                    RoleClaimType = TokenIssuer.RoleClaim,
                    ClockSkew = AccessTokenOptions.ClockSkew,
                    // The gateway's own keys first; otherwise the IdP's, which JwtBearer put in the parameters.
                    IssuerSigningKeyResolver = (_, _, keyId, parameters) =>
                        issuer.ValidationKeys(keyId) is { Count: > 0 } own ? own : parameters.IssuerSigningKeys ?? [],
                };
            });
        services.AddSingleton<CloudjetBearerEvents>();
        services.AddScoped<CallerFactory>();
        return services;
    }

    /// <summary>Authenticates bearer tokens; a request whose token fails validation gets 401 instead of anonymous access.</summary>
    public static IApplicationBuilder UseCloudjetAuthentication(this IApplicationBuilder app) =>
        app.UseAuthentication().UseMiddleware<InvalidTokenMiddleware>();
}
