using CloudjetGraph.Core.Accounts;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>An owner's changes to their own profile, as far as the matrix grants Edit.</summary>
internal static class ProfileMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ProfileGraphType>("updateMyProfile")
            .Granted()
            .Description("Changes your own profile; only fields your role may edit.")
            .Argument<NonNullGraphType<UpdateMyProfileInputGraphType>>("input", "The changes.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ProfileAccounts>().UpdateOwnAsync(
                context.Caller(), ProfileChanges.Of(context.GetArgument<Dictionary<string, object?>>("input")), context.CancellationToken));
    }
}
