using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>The customer organisations the caller reaches.</summary>
internal static class OrganizationQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ListGraphType<NonNullGraphType<OrganizationGraphType>>>("organizations")
            .Description("The organizations you reach, by name.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ProfileDirectory>().OrganizationsAsync(context.Caller(), context.CancellationToken));
    }
}
