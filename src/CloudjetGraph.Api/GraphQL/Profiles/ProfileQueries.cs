using System.Collections.Frozen;
using CloudjetGraph.Api.GraphQL.Paging;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
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
    private static readonly FrozenSet<string> PersonalFieldNames = PersonalFieldCatalogue.All.Select(descriptor => descriptor.SchemaName).ToFrozenSet();

    public static void AddTo(ObjectGraphType query, GraphQLOptions options)
    {
        query.Field<ProfileGraphType>("me")
            .Description("Your own profile when you are its owner; null for staff.")
            .ResolveAsync(async context => await Directory(context).FindOwnAsync(context.Caller(), context.CancellationToken));

        query.Field<ProfileGraphType>("profile")
            .Description("A profile by id; null when it does not exist or is outside your reach.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The profile's id.")
            .ResolveAsync(async context => await FindAsync(context, context.GetArgument<string>("id")));

        query.Field("profiles", ProfileConnection.GraphType())
            .Description($"The profiles you reach, oldest first, at most {options.MaxPageSize} per page; forward with first/after, backward with last/before (still oldest first within the page). Null with RATE_LIMITED, before anything is read, when the query asks for a personal field and your per-minute cap of personal records is already spent; a page without personal fields is still served.")
            .Paged(options, "Return profiles after this cursor (a pageInfo.endCursor).", "Return the profiles just before this cursor (a pageInfo.startCursor or an edge's cursor).")
            .Argument<ProfileFilterInputGraphType>("where", "Filters.")
            .ResolveAsync(async context =>
            {
                var page = PageArguments.Request(context, options);
                var cursor = page.Cursor is { } text ? ProfileCursor.Decode(text, page.CursorArgument) : (Guid?)null;
                var filter = ToFilter(context.GetArgument<Dictionary<string, object?>?>("where"));
                if (SelectsPersonalField(context) && Cap(context).AdmitAny(context.CallerContext()) is { } refusal)
                {
                    return FieldRefusals.ReportPastCap(context, refusal);
                }

                var parts = PartsOf(context, page.Backward);
                return page.Backward
                    ? await Directory(context).PageBackwardAsync(context.Caller(), filter, page.Size, cursor, context.CancellationToken, parts)
                    : await Directory(context).PageAsync(context.Caller(), filter, page.Size, cursor, context.CancellationToken, parts);
            });
    }

    /// <summary>
    /// <c>profile(id:)</c>'s lookup, which <c>node(id:)</c> shares so that both answer alike: a
    /// malformed, unknown or out-of-reach id is null.
    /// </summary>
    public static async Task<Profile?> FindAsync(IResolveFieldContext context, string id) =>
        Guid.TryParse(id, out var profileId)
            ? await Directory(context).FindAsync(context.Caller(), profileId, context.CancellationToken, withOrganization: SelectionSearch.Mentions(context, "organization"))
            : null;

    // Only what the query selects: the count is a second query, the organisation a join, the
    // flag for what lies past the cursor (hasPreviousPage forward, hasNextPage backward) a third.
    private static ProfilePageParts PartsOf(IResolveFieldContext context, bool backward)
    {
        var parts = ProfilePageParts.None;
        if (context.SubFields is not { } subFields || subFields.Values.Any(field => field.FieldType.Name == "totalCount"))
        {
            parts |= ProfilePageParts.TotalCount;
        }

        if (SelectionSearch.Mentions(context, backward ? "hasNextPage" : "hasPreviousPage"))
        {
            parts |= ProfilePageParts.BeyondCursor;
        }

        if (SelectionSearch.Mentions(context, "organization"))
        {
            parts |= ProfilePageParts.Organizations;
        }

        return parts;
    }

    // A page past the cap is refused whole before it is read, when it asks for a sealed field: every
    // one would be refused, and resolving and reporting hundreds of refusals cost twice what an
    // id-only page does. A page without sealed fields is served, since it counts nothing.
    private static bool SelectsPersonalField(IResolveFieldContext context) =>
        SelectionSearch.MentionsAny(context, PersonalFieldNames.Contains);

    private static PersonalRecordCap Cap(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<PersonalRecordCap>();

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
