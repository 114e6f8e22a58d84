using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Protection;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>
/// The key custodians' mutations. Each is granted by <c>Authorization:Operations</c> (keyCustodian
/// by default) and calls the same Core service as the Cli with the caller as actor; that service
/// records the operation, refusals included. A new key operation follows the same three steps:
/// <c>.Granted()</c> (<see cref="OperationAccess"/>), the Core call, a payload record.
/// </summary>
internal static class KeyCustodianMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<RotateMasterKeyPayloadGraphType>("rotateMasterKey")
            .Granted()
            .Description("Key custodians: creates a ring key; when it is active now, re-wraps every data key under it at once. Only data key rows change. Recorded in keyOperations.")
            .Argument<RotateMasterKeyInputGraphType>("input", "When the new key becomes the default; now when omitted.")
            .ResolveAsync(async context =>
            {
                var actor = context.Actor();
                var seconds = context.GetArgument<Dictionary<string, object?>?>("input")?.GetValueOrDefault("activateInSeconds") as int? ?? 0;
                if (seconds is < 0 or > RotateMasterKeyInputGraphType.MaxActivateInSeconds)
                {
                    throw new DomainException(ErrorCodes.Validation, $"activateInSeconds must be between 0 and {RotateMasterKeyInputGraphType.MaxActivateInSeconds}.", "activateInSeconds");
                }

                var rotation = Rotation(context);
                var staged = await rotation.StageKeyAsync(actor, TimeSpan.FromSeconds(seconds), context.CancellationToken);
                var rewrap = seconds == 0 ? await rotation.RewrapDataKeysAsync(actor, context.CancellationToken) : null;
                return new RotateMasterKeyPayload(staged.KeyId, staged.ActivationDate, rewrap);
            });

        mutation.Field<RewrapDataKeysPayloadGraphType>("rewrapDataKeysUnderMasterKey")
            .Granted()
            .Description("Key custodians: re-wraps every data key not yet under the ring's default key (after a pre-staged key's activation, or to finish a call that reported concurrent changes). Recorded in keyOperations.")
            .ResolveAsync(async context => await Rotation(context).RewrapDataKeysAsync(context.Actor(), context.CancellationToken));

        mutation.Field<RevokeMasterKeyPayloadGraphType>("revokeMasterKey")
            .Granted()
            .Description("Key custodians: revokes a ring key. KEY_IN_USE while data keys are under it, unless forced; KEY_NOT_FOUND for an unknown id. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<RevokeMasterKeyInputGraphType>>("input", "The ring key.")
            .ResolveAsync(async context =>
            {
                var actor = context.Actor();
                var input = context.GetArgument<Dictionary<string, object?>>("input");

                // An id that is not a GUID names no key, exactly like an unknown one (and is recorded as such).
                var id = Guid.TryParse(input["id"] as string, out var parsed) ? parsed : Guid.Empty;
                var force = input.GetValueOrDefault("force") is true;
                var stillUnder = await Rotation(context).RevokeAsync(actor, id, force, context.CancellationToken);
                return new RevokeMasterKeyPayload(id, stillUnder);
            });

        mutation.Field<RotateDataKeyPayloadGraphType>("rotateDataKey")
            .Granted()
            .Description("Key custodians: makes a new data key of the purpose active; the old one stays decrypt-only and nothing under it is rewritten (then startKeyJob REWRAP or REINDEX moves it). Recorded in keyOperations.")
            .Argument<NonNullGraphType<RotateDataKeyInputGraphType>>("input", "The purpose.")
            .ResolveAsync(async context =>
            {
                var actor = context.Actor();
                var purpose = (DataKeyPurpose)context.GetArgument<Dictionary<string, object?>>("input")["purpose"]!;
                return await context.RequestServices!.GetRequiredService<DataKeyRotation>().RotateAsync(actor, purpose, context.CancellationToken);
            });

        mutation.Field<DestroyDataKeyPayloadGraphType>("destroyDataKey")
            .Granted()
            .Description("Key custodians: destroys a data key scheduled with scheduleDataKeyDestruction, IRREVERSIBLY. KEY_TRANSITION_REFUSED unless scheduled; KEY_DESTRUCTION_TOO_EARLY before its waiting period ends; KEY_USED_WHILE_SCHEDULED after a recorded use since scheduling; KEY_IN_USE while the census counts anything under it or any stored value is unattributed; KEY_NOT_FOUND for an unknown id. No way past these guards. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<DestroyDataKeyInputGraphType>>("input", "The data key.")
            .ResolveAsync(async context =>
            {
                var actor = context.Actor();
                var input = context.GetArgument<Dictionary<string, object?>>("input");

                // An id that is not a GUID names no key, exactly like an unknown one (and is recorded as such).
                var id = Guid.TryParse(input["id"] as string, out var parsed) ? parsed : Guid.Empty;
                return await context.RequestServices!.GetRequiredService<DataKeyDestruction>().DestroyAsync(actor, id, context.CancellationToken);
            });

        mutation.Field<StartKeyJobPayloadGraphType>("startKeyJob")
            .Granted()
            .Description("Key custodians: starts a key job in the gateway's background and answers at once; follow it with keyJobs. KEY_JOB_RUNNING while another runner (the Cli or a gateway) holds the lease. Recorded in keyOperations when it ends, refusals included.")
            .Argument<NonNullGraphType<StartKeyJobInputGraphType>>("input", "The job, its scope and pace.")
            .ResolveAsync(async context =>
            {
                var actor = context.Actor();
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var kind = (string)input["kind"]!;
                var scope = JobScope(kind, input);
                var request = new KeyJobRequest(
                    kind,
                    scope.Name,
                    input.GetValueOrDefault("batchSize") as int? ?? KeyJobRequest.DefaultBatchSize,
                    input.GetValueOrDefault("rowsPerSecond") as int?,
                    DryRun: false,
                    Restart: input.GetValueOrDefault("restart") is true);
                var state = await context.RequestServices!.GetRequiredService<KeyJobBackground>().StartJobAsync(actor, request, scope, context.CancellationToken);
                return new StartKeyJobPayload(kind, scope.Name, state);
            });
    }

    // A rekey names exactly one scope, explicitly, as the Cli does; the other kinds cover everything.
    private static RekeyScope JobScope(string kind, Dictionary<string, object?> input)
    {
        var all = input.GetValueOrDefault("all") is true;
        var organization = input.GetValueOrDefault("organizationId") as string;
        var profile = input.GetValueOrDefault("profileId") as string;
        if (kind != KeyJobKinds.Rekey)
        {
            return all || organization is not null || profile is not null || input.GetValueOrDefault("restart") is true
                ? throw new DomainException(ErrorCodes.Validation, "Only a REKEY takes all, organizationId, profileId or restart.", "kind")
                : RekeyScope.All;
        }

        return (all, organization, profile) switch
        {
            (true, null, null) => RekeyScope.All,
            (false, { } id, null) => new RekeyScope(ParseId(id, "organizationId"), null),
            (false, null, { } id) => new RekeyScope(null, ParseId(id, "profileId")),
            _ => throw new DomainException(ErrorCodes.Validation, "A REKEY names exactly one of all: true, organizationId or profileId.", "all"),
        };
    }

    private static Guid ParseId(string id, string field) =>
        Guid.TryParse(id, out var parsed) ? parsed : throw new DomainException(ErrorCodes.Validation, $"{field} must be an id like 0193a000-0000-7000-8000-000000000001.", field);

    private static MasterKeyRotation Rotation(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<MasterKeyRotation>();
}
