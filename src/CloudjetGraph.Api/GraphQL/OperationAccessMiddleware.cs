using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Privacy;
using GraphQL;
using GraphQL.Instrumentation;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// The one gate of every operation: a field marked by <see cref="OperationAccess"/> runs only when
/// the <see cref="AccessPolicy"/> grants it to the caller; otherwise it resolves to an error with
/// the policy's code, recorded like any denial (and in the operation's record when it keeps refusals).
/// An owner behind the current policy version past its grace period is then held by the
/// <see cref="ConsentGate"/> (<c>CONSENT_REQUIRED</c>) on every operation but the few that need no consent.
/// </summary>
internal sealed class OperationAccessMiddleware(AccessPolicy policy, ConsentGate consent) : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (context.FieldDefinition.GetMetadata<string?>(OperationAccess.OperationKey) is not { } operation)
        {
            return next(context);
        }

        var caller = context.Caller();
        if (policy.Operation(caller, operation).IsDenied)
        {
            return RefuseAsync(context, caller, operation);
        }

        // Only owners are ever held by the consent gate: for anyone else it answers without a lookup.
        return caller.Role == Role.Owner ? RunWithConsentAsync(context, next, caller, operation) : next(context);
    }

    // Each root field passes here, whatever its alias, batch or trusted document: the gate cannot be
    // walked around by naming the operation differently.
    private async ValueTask<object?> RunWithConsentAsync(IResolveFieldContext context, FieldMiddlewareDelegate next, Caller caller, string operation)
    {
        if (await consent.RefusalAsync(caller, operation, context.CancellationToken) is { } refusal)
        {
            throw refusal;
        }

        return await next(context);
    }

    private static async ValueTask<object?> RefuseAsync(IResolveFieldContext context, Caller caller, string operation)
    {
        var refusal = AccessPolicy.Refusal(caller, $"Sign in to run {operation}.", $"Your role may not run {operation}.");
        if (context.FieldDefinition.GetMetadata<RecordedRefusal?>(OperationAccess.RefusalKey) is { } record
            && (record.IncludesAnonymous || caller.Role != Role.Anonymous))
        {
            await context.RequestServices!.GetRequiredService<OperationLog>()
                .RecordRefusalAsync(OperationActor.Of(caller), record.Operation, record.Target(context), refusal.Message);
        }

        throw refusal;
    }
}
