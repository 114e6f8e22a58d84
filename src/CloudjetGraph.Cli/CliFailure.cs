using System.Data.Common;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// A verb's failure as a custodian or a script sees it: the exit code, a stable code and one line
/// of text written by the gateway's or the tool's own code from ids, counts and setting names.
/// </summary>
/// <param name="ExitCode">One of <see cref="CliExitCodes"/>.</param>
/// <param name="Code">An <see cref="ErrorCodes"/> code or one of <see cref="CliFailureCodes"/>.</param>
/// <param name="Message">Why, in one line; never a value, ciphertext, key or token.</param>
/// <param name="ShowCode">Whether the text form shows the code in brackets, as refusals by a rule always have.</param>
internal sealed record CliFailure(int ExitCode, string Code, string Message, bool ShowCode)
{
    // Refusals by a data key's state or a guard: the key is fine, the step is not now.
    private static readonly HashSet<string> GuardCodes =
        [ErrorCodes.KeyTransitionRefused, ErrorCodes.KeyDestructionTooEarly, ErrorCodes.KeyUsedWhileScheduled, ErrorCodes.KeyInUse];

    /// <summary>The failure an exception means, or null for one no verb expects (a bug, which keeps its stack trace).</summary>
    public static CliFailure? From(Exception exception) => exception switch
    {
        CliRefusalException refusal => new(refusal.ExitCode, refusal.Code, refusal.Message, ShowCode: false),
        KeyStoreMismatchException mismatch => new(CliExitCodes.StoreMismatch, CliFailureCodes.KeyStoreMismatch, mismatch.Message, ShowCode: false),
        DomainException refusal => new(ExitCodeOf(refusal.Code), refusal.Code, refusal.Message, ShowCode: true),
        KeyRingUnavailableException unavailable => new(CliExitCodes.Error, ErrorCodes.KeyRingUnavailable, unavailable.Message, ShowCode: false),
        AuditTrailUnavailableException unavailable => new(CliExitCodes.Error, ErrorCodes.AuditUnavailable, unavailable.Message, ShowCode: false),
        OptionsValidationException invalid => new(CliExitCodes.Error, CliFailureCodes.InvalidSettings, invalid.Message, ShowCode: false),
        AggregateException several when several.InnerExceptions.Count > 0 && several.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            // Several settings are wrong at once: name them all, as the gateway does.
            new(CliExitCodes.Error, CliFailureCodes.InvalidSettings, string.Join("; ", several.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)), ShowCode: false),

        // A database library's own text may quote a statement or a stored value: the type only.
        DbException failure => new(CliExitCodes.Error, CliFailureCodes.DatabaseFailed, $"the database failed ({failure.GetType().Name}); the log says which command.", ShowCode: false),
        _ => null,
    };

    private static int ExitCodeOf(string code) =>
        GuardCodes.Contains(code) ? CliExitCodes.RefusedByGuard
        : code == ErrorCodes.KeyJobRunning ? CliExitCodes.LeaseHeld
        : CliExitCodes.Error;
}
