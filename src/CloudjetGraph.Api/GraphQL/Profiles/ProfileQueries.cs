using CloudjetGraph.Api.GraphQL.Paging;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>
/// Reading profiles: your own, one by id, a page of those you reach. <see cref="ProfileDirectory"/>
/// reads within the caller's row scope; each field is then released by <see cref="ProfileGraphType"/>.
/// </summary>
internal static class ProfileQueries
{
    public static void AddTo(ObjectGraphType query, GraphQLOptions options)
    {
        query.Field<ProfileGraphType>("me")
            .Description("Your own profile when you are its owner; null for staff.")
            .ResolveAsync(async context => await Directory(context).FindOwnAsync(context.Caller(), context.CancellationToken));

        query.Field<ProfileGraphType>("profile")
            .Description("A profile by id; null when it does not exist or is outside your reach.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The profile's id.")
            .ResolveAsync(async context =>
            {
                var directory = Directory(context);
                return Guid.TryParse(context.GetArgument<string>("id"), out var id)
                    ? await directory.FindAsync(context.Caller(), id, context.CancellationToken, withOrganization: SelectionSearch.Mentions(context, "organization"))
                    : null;
            });

        query.Field("profiles", ProfileConnection.GraphType())
            .Description($"The profiles you reach, oldest first, at most {options.MaxPageSize} per page.")
            .Paged(options, "Return profiles after this cursor (a pageInfo.endCursor).")
            .Argument<ProfileFilterInputGraphType>("where", "Filters.")
            .ResolveAsync(async context =>
            {
                var first = PageArguments.First(context, options);
                var after = context.GetArgument<string?>("after") is { } cursor ? ProfileCursor.Decode(cursor) : (Guid?)null;
                var where = context.GetArgument<Dictionary<string, object?>?>("where");
                return await Directory(context).PageAsync(context.Caller(), ToFilter(where), first, after, context.CancellationToken, PartsOf(context));
            });
    }

    // Only what the query selects: the count is a second query, the organisation a join.
    private static ProfilePageParts PartsOf(IResolveFieldContext context)
    {
        var parts = ProfilePageParts.None;
        if (context.SubFields is not { } subFields || subFields.Values.Any(field => field.FieldType.Name == "totalCount"))
        {
            parts |= ProfilePageParts.TotalCount;
        }

        if (SelectionSearch.Mentions(context, "organization"))
        {
            parts |= ProfilePageParts.Organizations;
        }

        return parts;
    }

    private static ProfileDirectory Directory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ProfileDirectory>();

    private static ProfileFilter ToFilter(Dictionary<string, object?>? where)
    {
        if (where is null)
        {
            return new ProfileFilter(null, null);
        }

        Guid? organizationId = null;
        if (where.GetValueOrDefault("organizationId") is string organization)
        {
            // An id that is not a GUID matches nothing, exactly like an unknown organisation.
            organizationId = Guid.TryParse(organization, out var parsed) ? parsed : Guid.Empty;
        }

        return new ProfileFilter(organizationId, where.GetValueOrDefault("email") as string);
    }
}
