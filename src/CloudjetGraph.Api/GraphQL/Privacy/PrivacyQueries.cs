using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The privacy policy in force, readable by anyone, so a client can show it before sign-up.</summary>
internal static class PrivacyQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PrivacyPolicyGraphType>>("privacyPolicy")
            .Description("The privacy policy in force and the data controller; no sign-in needed.")
            .Resolve(context => context.RequestServices!.GetRequiredService<IOptions<PolicyOptions>>().Value);
    }
}
