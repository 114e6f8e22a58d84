using System.CommandLine;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.KeyRing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>token --role R --sub S [--json]</c>: mints a signed staff token for development and tests and
/// prints it alone on stdout (with <c>--json</c>, <c>{"token","expiresAt"}</c>). Refused unless the
/// gateway runs on a development key ring, so it can never mint production credentials. Any role
/// the configuration knows but anonymous and owner (owners log in) may be minted; an unknown role or
/// a blank subject exits <see cref="CliExitCodes.Usage"/>.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var roleOption = new Option<string>("--role")
        {
            Description = "Staff role, as Authorization:RowScopes names it (management, sales, support by default), or keyCustodian.",
            Required = true,
        };
        var subjectOption = new Option<string>("--sub")
        {
            Description = "Token subject, e.g. sales-demo; sales and support see the organizations assigned to it.",
            Required = true,
        };
        var command = new Command("token", "Mint a signed staff token for development and tests.") { roleOption, subjectOption }.WithJsonOption();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var roleName = parseResult.GetRequiredValue(roleOption);
                var subject = parseResult.GetRequiredValue(subjectOption);
                if (string.IsNullOrWhiteSpace(subject))
                {
                    throw CliRefusalException.Usage("--sub must name someone; a blank subject would be a token for nobody.");
                }

                using var host = buildHost();
                await using var scope = host.Services.CreateAsyncScope();
                var matrix = scope.ServiceProvider.GetRequiredService<FieldMatrix>();
                var mintable = matrix.Roles.Where(role => role != Role.Anonymous && role != Role.Owner).ToList();
                if (!matrix.TryFindRole(roleName, out var role) || !mintable.Contains(role))
                {
                    throw CliRefusalException.Usage($"unknown staff role '{roleName}'; expected one of {string.Join(", ", mintable.Select(r => r.Name))}.");
                }

                await scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(token);
                var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
                if (!issuer.IsDevelopmentSigningKey)
                {
                    throw new CliRefusalException(
                        CliExitCodes.Error,
                        CliFailureCodes.Failed,
                        "the gateway does not run on a development key ring; staff tokens come from the identity provider (Authentication:Authority).");
                }

                var lifetime = scope.ServiceProvider.GetRequiredService<IOptions<AccessTokenOptions>>().Value.StaffTokenLifetime;
                var issued = issuer.Issue(subject, role, lifetime);

                // The token alone on stdout, so that TOKEN=$(cloudjet token ...) works; --json adds its expiry.
                return new CliResult(issued.Token, new { token = issued.Token, expiresAt = issued.ExpiresAt.ToUniversalTime() });
            },
            cancellationToken));
        return command;
    }
}
