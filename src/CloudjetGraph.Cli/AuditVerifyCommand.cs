using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit verify [--expect-head SEQ:LINK]</c>: walks the whole chain (<see cref="AuditChainVerifier"/>).
/// Intact: prints the count and the head to keep as an anchor, exits 0. Broken: names the first bad
/// entry on stderr and exits <see cref="CliExitCodes.AuditBroken"/>. Reads only; needs no key ring.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var expectHead = new Option<string?>("--expect-head") { Description = "A head printed by an earlier run (SEQUENCE:LINK), kept outside the database: fails if that entry is gone or different (a cut tail or a rewritten chain)." };
        var command = new Command("verify", "Check the audit trail's hash chain from the first entry; names the first entry that breaks it.") { expectHead };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            AuditAnchor? anchor = null;
            if (parseResult.GetValue(expectHead) is { } text && !AuditAnchor.TryParse(text, out anchor))
            {
                await error.WriteLineAsync("audit verify: --expect-head must be SEQUENCE:LINK as `audit verify` prints it (a positive number, a colon, 64 hex digits).");
                return CliExitCodes.Error;
            }

            AuditVerification result;
            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(anchor, cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or AuditTrailUnavailableException or DbException)
            {
                await error.WriteLineAsync($"audit verify: {exception.Message}");
                return CliExitCodes.Error;
            }

            if (!result.IsIntact)
            {
                await error.WriteLineAsync($"audit verify: the chain is broken at entry {result.FirstBad}: {result.Problem}; the {result.Verified} entries before it verified.");
                return CliExitCodes.AuditBroken;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Audit trail intact: {result.Verified} entries verified. Head: {result.Head}");
            return CliExitCodes.Done;
        });
        return command;
    }
}
