using System.CommandLine;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>token --role R --sub S</c>: mints a signed staff token for development and tests and prints
/// it alone on stdout. Refused unless the gateway runs on a development key ring, so it can never
/// mint production credentials.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var roleOption = new Option<string>("--role")
        {
            Description = $"Staff role: {string.Join(", ", RoleNames.Staff.Select(RoleNames.Of))}.",
            Required = true,
        };
        var subjectOption = new Option<string>("--sub")
        {
            Description = "Token subject, e.g. sales-demo; sales and support see the organizations assigned to it.",
            Required = true,
        };
        var command = new Command("token", "Mint a signed staff token for development and tests.") { roleOption, subjectOption };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var roleName = parseResult.GetRequiredValue(roleOption);
            var subject = parseResult.GetRequiredValue(subjectOption);
            if (!RoleNames.TryParse(roleName, out var role) || !RoleNames.Staff.Contains(role))
            {
                await Console.Error.WriteLineAsync($"token: unknown staff role '{roleName}'; expected one of {string.Join(", ", RoleNames.Staff.Select(RoleNames.Of))}.");
                return 2;
            }

            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(cancellationToken);
            }
            catch (KeyRingUnavailableException exception)
            {
                await Console.Error.WriteLineAsync($"token: {exception.Message}");
                return 1;
            }

            var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
            if (!issuer.IsDevelopmentSigningKey)
            {
                await Console.Error.WriteLineAsync("token: the gateway does not run on a development key ring; staff tokens come from the identity provider (Authentication:Authority).");
                return 1;
            }

            var lifetime = scope.ServiceProvider.GetRequiredService<IOptions<AccessTokenOptions>>().Value.StaffTokenLifetime;
            Console.WriteLine(issuer.Issue(subject, role, lifetime).Token);
            return 0;
        });
        return command;
    }
}
