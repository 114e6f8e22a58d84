using CloudjetGraph.Api.GraphQL.Types;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// The key custodians' mutations. Each checks the role, then calls the same Core service as the
/// Cli with the caller as actor; that service records the operation, refusals included. A new key
/// operation follows the same three steps: <see cref="KeyCustodianAccess.Actor"/>, the Core call,
/// a payload record.
/// </summary>
internal static class KeyCustodianMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RotateMasterKeyPayloadGraphType>>("rotateMasterKey")
            .Description("Key custodians: creates a ring key; when it is active now, re-wraps every data key under it at once. Only data key rows change. Recorded in keyOperations.")
            .Argument<RotateMasterKeyInputGraphType>("input", "When the new key becomes the default; now when omitted.")
            .ResolveAsync(async context =>
            {
                var actor = KeyCustodianAccess.Actor(context);
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

        mutation.Field<NonNullGraphType<RewrapDataKeysPayloadGraphType>>("rewrapDataKeysUnderMasterKey")
            .Description("Key custodians: re-wraps every data key not yet under the ring's default key (after a pre-staged key's activation, or to finish a call that reported concurrent changes). Recorded in keyOperations.")
            .ResolveAsync(async context => await Rotation(context).RewrapDataKeysAsync(KeyCustodianAccess.Actor(context), context.CancellationToken));

        mutation.Field<NonNullGraphType<RevokeMasterKeyPayloadGraphType>>("revokeMasterKey")
            .Description("Key custodians: revokes a ring key. KEY_IN_USE while data keys are under it, unless forced; KEY_NOT_FOUND for an unknown id. Recorded in keyOperations, refusals included.")
            .Argument<NonNullGraphType<RevokeMasterKeyInputGraphType>>("input", "The ring key.")
            .ResolveAsync(async context =>
            {
                var actor = KeyCustodianAccess.Actor(context);
                var input = context.GetArgument<Dictionary<string, object?>>("input");

                // An id that is not a GUID names no key, exactly like an unknown one (and is recorded as such).
                var id = Guid.TryParse(input["id"] as string, out var parsed) ? parsed : Guid.Empty;
                var force = input.GetValueOrDefault("force") is true;
                var stillUnder = await Rotation(context).RevokeAsync(actor, id, force, context.CancellationToken);
                return new RevokeMasterKeyPayload(id, stillUnder);
            });
    }

    private static MasterKeyRotation Rotation(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<MasterKeyRotation>();
}
