using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Errors;
using GraphQL;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The one gate of every key field, read or write: the keyCustodian role, and no other.</summary>
internal static class KeyCustodianAccess
{
    /// <summary>The caller, when a key custodian.</summary>
    /// <exception cref="DomainException"><c>AUTH_NOT_AUTHENTICATED</c> without a token, <c>AUTH_NOT_AUTHORIZED</c> for any other role.</exception>
    public static Caller Demand(IResolveFieldContext context)
    {
        var caller = context.Caller();
        if (caller.Role == Role.KeyCustodian)
        {
            return caller;
        }

        throw new DomainException(
            caller.Role == Role.Anonymous ? ErrorCodes.NotAuthenticated : ErrorCodes.NotAuthorized,
            "Only key custodians may see or change keys.");
    }

    /// <summary>The caller as the record of custodian operations names it, when a key custodian.</summary>
    /// <exception cref="DomainException">As <see cref="Demand"/>.</exception>
    public static OperationActor Actor(IResolveFieldContext context) => OperationActor.Of(Demand(context));
}
