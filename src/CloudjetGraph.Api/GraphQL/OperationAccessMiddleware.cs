using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using GraphQL;
using GraphQL.Instrumentation;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// The one gate of every operation: a field marked by <see cref="OperationAccess"/> runs only when
/// the <see cref="AccessPolicy"/> grants it to the caller; otherwise it resolves to an error with
/// the policy's code, recorded like any denial (and in the operation's record when it keeps refusals).
/// </summary>
internal sealed class OperationAccessMiddleware(AccessPolicy policy) : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (context.FieldDefinition.GetMetadata<string?>(OperationAccess.OperationKey) is not { } operation)
        {
            return next(context);
        }

        var caller = context.Caller();
        return policy.Operation(caller, operation).IsDenied ? RefuseAsync(context, caller, operation) : next(context);
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
