using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// Runs the key jobs for the Cli and the gateway alike: checks the request, both databases and the
/// scope, runs the job under the lease with <see cref="KeyJobRunner"/>, finishes a reindex, and
/// records the run with its actor in <see cref="OperationLog"/> however it ends (a
/// dry run writes nothing, not even its record). Neither caller can run a job unrecorded.
/// </summary>
public sealed class KeyJobs(
    KeyJobPreparation preparation,
    KeyJobRunner runner,
    KeyJobLeases leases,
    OperationLog operations,
    CloudjetDbContext db,
    IServiceProvider services,
    TimeProvider time)
{
    /// <summary>
    /// Runs <paramref name="request"/> over <paramref name="scope"/> (whose <see cref="RekeyScope.Name"/>
    /// is the request's scope; <see cref="RekeyScope.All"/> for every kind but rekey).
    /// <paramref name="started"/> is called once every check passed, just before the job takes the lease.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/> for a bad batch size or rate, <see cref="ErrorCodes.NotFound"/> for an unknown organisation or profile, <see cref="ErrorCodes.KeyJobRunning"/> while another runner holds the lease.</exception>
    /// <exception cref="Errors.KeyRingUnavailableException">A database is missing or older than this version, or the ring cannot unwrap the data keys.</exception>
    public Task<KeyJobResult> RunAsync(
        OperationActor actor,
        KeyJobRequest request,
        RekeyScope scope,
        IProgress<KeyJobProgress>? progress,
        Action? started,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (request.Scope != scope.Name || (request.Kind != KeyJobKinds.Rekey && scope != RekeyScope.All))
        {
            throw new ArgumentException($"The request's scope {request.Scope} does not match {scope.Name} for a {request.Kind}.", nameof(request));
        }

        var operation = OperationName(request.Kind);
        if (request.DryRun)
        {
            return RunUnrecordedAsync(request, scope, progress, started, cancellationToken);
        }

        return operations.RunAsync(
            actor,
            operation,
            request.Scope + (request.Restart ? ", restarted" : string.Empty),
            token => RunUnrecordedAsync(request, scope, progress, started, token),
            result => new OperationSummary(request.Scope + (request.Restart ? ", restarted" : string.Empty), Detail(result)),
            cancellationToken);
    }

    private async Task<KeyJobResult> RunUnrecordedAsync(KeyJobRequest request, RekeyScope scope, IProgress<KeyJobProgress>? progress, Action? started, CancellationToken cancellationToken)
    {
        if (request.BatchSize is < 1 or > KeyJobRunner.MaxBatchSize || request.RowsPerSecond is < 1)
        {
            throw new DomainException(
                ErrorCodes.Validation,
                $"The batch size must be 1-{KeyJobRunner.MaxBatchSize} and the rate at least 1 row per second.",
                request.BatchSize is < 1 or > KeyJobRunner.MaxBatchSize ? "batchSize" : "rowsPerSecond");
        }

        await preparation.PrepareAsync(cancellationToken);
        if (!await scope.ExistsAsync(db, cancellationToken))
        {
            throw new DomainException(
                ErrorCodes.NotFound,
                $"There is no {(scope.ProfileId is null ? "organization" : "profile")} {scope.ProfileId ?? scope.OrganizationId}.",
                scope.ProfileId is null ? "organizationId" : "profileId");
        }

        // Checked here too, not only by the runner, so a caller that starts the job in the
        // background can answer a held lease before it answers that the job started.
        if (!request.DryRun)
        {
            var lease = await leases.ReadAsync(cancellationToken);
            if (lease.Holder is { } holder && lease.ExpiresAtUnixMs >= time.GetUtcNow().ToUnixTimeMilliseconds())
            {
                throw LeaseHeld(new KeyJobLeaseHeldException(holder, lease.Kind, lease.Scope, DateTimeOffset.FromUnixTimeMilliseconds(lease.ExpiresAtUnixMs)));
            }
        }

        started?.Invoke();
        KeyJobOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(request, CreateStep(request.Kind, scope), progress, cancellationToken);
        }
        catch (KeyJobLeaseHeldException held)
        {
            throw LeaseHeld(held);
        }

        if (!outcome.Finished || request.DryRun || request.Kind != KeyJobKinds.Reindex)
        {
            return new KeyJobResult(outcome, null, 0);
        }

        // Once every profile is under the active key, what invitations still hold is settled too.
        var reindexer = services.GetRequiredService<BlindIndexReindexer>();
        var invitations = await reindexer.RetireInvitationEntriesAsync(cancellationToken);
        return new KeyJobResult(outcome, invitations, await reindexer.CountPendingAsync(cancellationToken));
    }

    private Func<DateTimeOffset, IKeyJobStep> CreateStep(string kind, RekeyScope scope) => kind switch
    {
        KeyJobKinds.Rewrap => _ => services.GetRequiredService<PersonKeyRewrapStep>(),
        KeyJobKinds.Reindex => _ => services.GetRequiredService<BlindIndexReindexer>(),
        _ => startedAt => ActivatorUtilities.CreateInstance<ProfileRekeyStep>(services, scope, startedAt),
    };

    private static string OperationName(string kind) => kind switch
    {
        KeyJobKinds.Rewrap => CustodianOperationNames.Rewrap,
        KeyJobKinds.Rekey => CustodianOperationNames.Rekey,
        KeyJobKinds.Reindex => CustodianOperationNames.Reindex,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a key job kind."),
    };

    private static DomainException LeaseHeld(KeyJobLeaseHeldException held) => new(ErrorCodes.KeyJobRunning, held.Message, innerException: held);

    private static string Detail(KeyJobResult result)
    {
        var p = result.Outcome.Progress;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{p.Examined} examined, {p.Changed} changed, {p.Conflicts} changed concurrently");
        if (!result.Outcome.Finished)
        {
            return $"Interrupted after the batch in flight; work remains: {counts}.";
        }

        var detail = p.Examined == 0 ? "Nothing to do." : $"Done: {counts}.";
        return result.Invitations is { } invitations
            ? detail + string.Create(CultureInfo.InvariantCulture, $" Dropped the entries of {invitations.Cleared} invitation(s); {result.StillPending} profile(s) still pending.")
            : detail;
    }
}
