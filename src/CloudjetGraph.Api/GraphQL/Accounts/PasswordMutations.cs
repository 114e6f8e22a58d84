using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Accounts;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>An owner's change of their own password, under the login rate limits.</summary>
internal static class PasswordMutations
{
    public static void AddTo(ObjectGraphType mutation, CloudjetRateLimiter limiter)
    {
        mutation.Field<LoginPayloadGraphType>("changeMyPassword")
            .Granted()
            .Description("Owners: replaces your password after checking the current one (AUTH_INVALID_CREDENTIALS otherwise, under the login rate limits; VALIDATION for a new password that breaks the sign-up rules). Every token issued before, the one you sent included, stops working: the answer carries your new token. At most one account operation (signUp, login, changeMyPassword, deleteMyAccount, withdrawConsent) per request.")
            .Argument<NonNullGraphType<ChangeMyPasswordInputGraphType>>("input", "The current and the new password.")
            .ResolveAsync(async context =>
            {
                await OwnerLoginLimits.DemandAsync(context, limiter);
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await context.RequestServices!.GetRequiredService<ProfileAccounts>().ChangePasswordAsync(
                    context.Caller(), (string)input["currentPassword"]!, (string)input["newPassword"]!, context.CancellationToken);
            });
    }
}
