using CloudjetGraph.Core.Keys.Lifecycle;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>
/// The key custodians' reversible data key steps, declared like <see cref="KeyCustodianMutations"/>:
/// the grant, the same Core service as the Cli with the caller as actor (which records the step,
/// refusals included), the payload.
/// </summary>
internal static class DataKeyStateMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<DataKeyStatePayloadGraphType>("disableDataKey")
            .Granted()
            .Description("Key custodians: disables a decrypt-only data key; nothing opens under it (KEY_DISABLED at each field), each attempt is recorded and readiness is Degraded, until enableDataKey. KEY_TRANSITION_REFUSED for the active key or any key not decrypt-only; KEY_NOT_FOUND for an unknown id. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<DataKeyIdInputGraphType>>("input", "The data key.")
            .ResolveAsync(async context => await Lifecycle(context).DisableAsync(context.Actor(), Id(context), context.CancellationToken));

        mutation.Field<DataKeyStatePayloadGraphType>("enableDataKey")
            .Granted()
            .Description("Key custodians: enables a disabled data key; everything under it reads as before. KEY_TRANSITION_REFUSED for a key that is not disabled (a scheduled one is cancelled first, a destroyed one never returns); KEY_NOT_FOUND for an unknown id. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<DataKeyIdInputGraphType>>("input", "The data key.")
            .ResolveAsync(async context => await Lifecycle(context).EnableAsync(context.Actor(), Id(context), context.CancellationToken));

        mutation.Field<DataKeyStatePayloadGraphType>("scheduleDataKeyDestruction")
            .Granted()
            .Description("Key custodians: schedules a disabled data key for destruction after a waiting period (at least KeyLifecycle:MinimumDestroyDelay); it stays disabled meanwhile. GRAPHQL_VALIDATION_FAILED for a malformed period, VALIDATION for one too short; KEY_TRANSITION_REFUSED for a key that is not disabled; KEY_NOT_FOUND for an unknown id. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<ScheduleDataKeyDestructionInputGraphType>>("input", "The data key and its waiting period.")
            .ResolveAsync(async context =>
            {
                var actor = context.Actor();
                // The scalar has parsed the period already: a malformed one never reaches here.
                var delay = context.GetArgument<Dictionary<string, object?>>("input").GetValueOrDefault("after") as TimeSpan?;
                return await Lifecycle(context).ScheduleDestructionAsync(actor, Id(context), delay, context.CancellationToken);
            });

        mutation.Field<DataKeyStatePayloadGraphType>("cancelDataKeyDestruction")
            .Granted()
            .Description("Key custodians: cancels a data key's scheduled destruction; it stays disabled. KEY_TRANSITION_REFUSED for a key that is not scheduled; KEY_NOT_FOUND for an unknown id. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<DataKeyIdInputGraphType>>("input", "The data key.")
            .ResolveAsync(async context => await Lifecycle(context).CancelDestructionAsync(context.Actor(), Id(context), context.CancellationToken));
    }

    // An id that is not a GUID names no key, exactly like an unknown one (and is recorded as such).
    private static Guid Id(IResolveFieldContext context) =>
        Guid.TryParse(context.GetArgument<Dictionary<string, object?>>("input")["id"] as string, out var parsed) ? parsed : Guid.Empty;

    private static DataKeyLifecycle Lifecycle(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DataKeyLifecycle>();
}
