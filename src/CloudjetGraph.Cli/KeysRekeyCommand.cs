using System.CommandLine;
using CloudjetGraph.Core.Keys.Jobs;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys rekey (--all | --organization ID | --profile ID) [--restart] [--batch N] [--rate N] [--dry-run]</c>:
/// new person keys and every sealed value re-sealed, after a suspected exposure. Resumable; a
/// finished run of the same scope is not repeated unless <c>--restart</c>.
/// </summary>
internal static class KeysRekeyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var all = new Option<bool>("--all") { Description = "Every profile." };
        var organization = new Option<string?>("--organization") { Description = "Only the profiles of this organisation (its id)." };
        var profile = new Option<string?>("--profile") { Description = "Only this profile (its id)." };
        var restart = new Option<bool>("--restart") { Description = "Begin a new run even though the last run of this scope finished (a new exposure)." };
        var command = new Command("rekey", "Give profiles new person keys and re-seal every value under them; concurrent edits are never overwritten. Resumable.")
        {
            all, organization, profile, restart,
        }.WithJobOptions();
        command.SetAction((parseResult, cancellationToken) => KeyJobCli.RunAsync(
            parseResult,
            buildHost,
            "rekey",
            KeyJobKinds.Rekey,
            () => ParseScope(parseResult.GetValue(all), parseResult.GetValue(organization), parseResult.GetValue(profile))
                ?? throw CliRefusalException.Usage("give exactly one of --all, --organization ID or --profile ID, with an id like 0193a000-0000-7000-8000-000000000001."),
            parseResult.GetValue(restart),
            cancellationToken));
        return command;
    }

    private static RekeyScope? ParseScope(bool all, string? organization, string? profile) =>
        (all, organization, profile) switch
        {
            (true, null, null) => RekeyScope.All,
            (false, { } id, null) when Guid.TryParse(id, out var organizationId) => new RekeyScope(organizationId, null),
            (false, null, { } id) when Guid.TryParse(id, out var profileId) => new RekeyScope(null, profileId),
            _ => null,
        };
}
