using CloudjetGraph.Api.GraphQL.Profiles;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Nodes;

/// <summary>
/// <c>node(id:)</c>: a profile through <c>profile(id:)</c>'s own lookup, else an organisation within
/// the scope <c>organizations</c> lists, so row scope, field access, caps and audit are theirs.
/// </summary>
internal static class NodeQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        // Ids are version 7 GUIDs drawn by the gateway for profiles and organisations alike (74
        // random bits each), so a profile and an organisation never share one; a profile is looked
        // for first, and an id that is neither, or out of reach, is null exactly like a missing one.
        query.Field<NodeGraphType>("node")
            .Description("A Profile or an Organization by id; null when it does not exist or is outside your reach, exactly as profile(id:) answers.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The object's id.")
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<string>("id");
                return await ProfileQueries.FindAsync(context, id) is { } profile
                    ? profile
                    : Guid.TryParse(id, out var organizationId)
                        ? await context.RequestServices!.GetRequiredService<ProfileDirectory>().FindOrganizationAsync(context.Caller(), organizationId, context.CancellationToken)
                        : null;
            });
    }
}
