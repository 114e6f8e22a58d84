using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit verify [--expect-head SEQ:LINK]</c>: walks the whole chain (<see cref="AuditChainVerifier"/>).
/// Intact: prints the count, the rate and the head to keep as an anchor, exits 0. Broken: names the first bad
/// entry and exits <see cref="CliExitCodes.AuditBroken"/>. Reads only; needs the key ring only to check
/// sealed retention checkpoints (<see cref="AuditCheckpointSeal"/>).
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var expectHead = new Option<string?>("--expect-head") { Description = "A head printed by an earlier run (SEQUENCE:LINK), kept outside the database: fails if that entry is gone or different (a cut tail or a rewritten chain)." };
        var command = new Command("verify", "Check the audit trail's hash chain from the first entry; names the first entry that breaks it.") { expectHead };
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                AuditAnchor? anchor = null;
                if (parseResult.GetValue(expectHead) is { } text && !AuditAnchor.TryParse(text, out anchor))
                {
                    throw CliRefusalException.Usage("--expect-head must be SEQUENCE:LINK as `audit verify` prints it (a positive number, a colon, 64 hex digits).");
                }

                var started = Stopwatch.GetTimestamp();
                var result = await CliVerb.InHostAsync(buildHost, (services, step) => services.GetRequiredService<AuditChainVerifier>().VerifyAsync(anchor, step), token);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (!result.IsIntact)
                {
                    throw new CliRefusalException(
                        CliExitCodes.AuditBroken,
                        CliFailureCodes.AuditBroken,
                        $"the chain is broken at entry {result.FirstBad}: {result.Problem}; the {result.Verified} entries before it verified.");
                }

                // The rate tells a custodian how long the next verification of a larger trail will take.
                var perSecond = result.Verified / Math.Max(seconds, 0.001);
                var pruned = result.Pruned == 0 ? string.Empty : $", {result.Pruned} of them pruned by retention and attested by checkpoints";
                var unsealed = result.UnsealedCheckpoints == 0 ? string.Empty : $"; {result.UnsealedCheckpoints} checkpoint(s) from before checkpoints were sealed, which only an anchor vouches for";
                return new CliResult(
                    string.Create(CultureInfo.InvariantCulture, $"Audit trail intact: {result.Verified} entries verified{pruned} in {seconds:F1} s ({perSecond:F0} entries/s){unsealed}. Head: {result.Head}"),
                    new { intact = true, verified = result.Verified, pruned = result.Pruned, unsealedCheckpoints = result.UnsealedCheckpoints, seconds = Math.Round(seconds, 3), entriesPerSecond = Math.Round(perSecond), head = result.Head?.ToString() });
            },
            cancellationToken));
        return command;
    }
}
