using CloudjetGraph.Api.GraphQL.Types;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The read side of the schema.</summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(IOptions<GraphQLOptions> options)
    {
        Name = "Query";
        Description = "Profiles and organizations, as far as the caller's role reaches; for key custodians, the key census and the record of their operations.";

        Field<NonNullGraphType<PrivacyPolicyGraphType>>("privacyPolicy")
            .Description("The privacy policy in force and the data controller; no sign-in needed.")
            .Resolve(context => context.RequestServices!.GetRequiredService<IOptions<PolicyOptions>>().Value);

        Field<ProfileGraphType>("me")
            .Description("Your own profile when you are its owner; null for staff.")
            .ResolveAsync(async context => await Directory(context).FindOwnAsync(context.Caller(), context.CancellationToken));

        Field<ProfileGraphType>("profile")
            .Description("A profile by id; null when it does not exist or is outside your reach.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The profile's id.")
            .ResolveAsync(async context =>
            {
                var directory = Directory(context);
                return Guid.TryParse(context.GetArgument<string>("id"), out var id)
                    ? await directory.FindAsync(context.Caller(), id, context.CancellationToken, withOrganization: SelectionSearch.Mentions(context, "organization"))
                    : null;
            });

        Field<ProfileConnectionGraphType>("profiles")
            .Description($"The profiles you reach, oldest first, at most {options.Value.MaxPageSize} per page.")
            .Argument<IntGraphType>("first", $"Page size, 1 to {options.Value.MaxPageSize}; default {options.Value.DefaultPageSize}.")
            .Argument<StringGraphType>("after", "Return profiles after this cursor (a pageInfo.endCursor).")
            .Argument<ProfileFilterInputGraphType>("where", "Filters.")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? options.Value.DefaultPageSize;
                if (first < 1 || first > options.Value.MaxPageSize)
                {
                    throw new DomainException(ErrorCodes.Validation, $"first must be between 1 and {options.Value.MaxPageSize}.", "first");
                }

                var after = context.GetArgument<string?>("after") is { } cursor ? ProfileCursor.Decode(cursor) : (Guid?)null;
                var where = context.GetArgument<Dictionary<string, object?>?>("where");
                return await Directory(context).PageAsync(context.Caller(), ToFilter(where), first, after, context.CancellationToken, PartsOf(context));
            });

        Field<ListGraphType<NonNullGraphType<OrganizationGraphType>>>("organizations")
            .Description("The organizations you reach, by name.")
            .ResolveAsync(async context => await Directory(context).OrganizationsAsync(context.Caller(), context.CancellationToken));

        Field<KeyInventoryGraphType>("keys")
            .Granted()
            .Description("Every key and what it protects, for the keyCustodian role only: ids, dates, states and counts, never a personal value or a key.")
            // Scoped: the census reads through the request's DbContext, never decrypting.
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<KeyCensus>().ReadAsync(context.CancellationToken));

        Field<ListGraphType<NonNullGraphType<KeyJobGraphType>>>("keyJobs")
            .Granted()
            .Description("The key jobs' runs (rewrap, rekey, reindex), most recently updated first: state, counts, lease holder and times; for the keyCustodian role only.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<KeyJobStatusReader>().ReadAsync(context.CancellationToken));

        Field<KeyOperationConnectionGraphType>("keyOperations")
            .Granted()
            .Description($"The record of key custodian operations (who, what, when, outcome), newest first, at most {options.Value.MaxPageSize} per page; for the keyCustodian role only.")
            .Argument<IntGraphType>("first", $"Page size, 1 to {options.Value.MaxPageSize}; default {options.Value.DefaultPageSize}.")
            .Argument<StringGraphType>("after", "Return operations older than this cursor (a pageInfo.endCursor).")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first") ?? options.Value.DefaultPageSize;
                if (first < 1 || first > options.Value.MaxPageSize)
                {
                    throw new DomainException(ErrorCodes.Validation, $"first must be between 1 and {options.Value.MaxPageSize}.", "first");
                }

                var after = context.GetArgument<string?>("after") is { } cursor ? KeyOperationCursor.Decode(cursor) : (long?)null;
                return await context.RequestServices!.GetRequiredService<OperationLog>().PageAsync(first, after, context.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BreachProfileGraphType>>>>("breachReport")
            .Granted()
            .Description("The scope of a breach, for management only: every profile whose personal fields were released to staff from `from` (inclusive) to `to` (exclusive), optionally by one staff subject, with who read it and which fields. Ids only; the Cli's `audit report` adds contact emails. Each call is itself recorded in the audit trail.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "Start of the window, inclusive.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to", "End of the window, exclusive.")
            .Argument<StringGraphType>("subject", "Only reads by this staff token subject.")
            .ResolveAsync(async context => await BreachReportAsync(context));
    }

    private static async Task<IReadOnlyList<BreachProfile>> BreachReportAsync(IResolveFieldContext context)
    {
        var from = context.GetArgument<DateTimeOffset>("from");
        var to = context.GetArgument<DateTimeOffset>("to");
        if (from >= to)
        {
            throw new DomainException(ErrorCodes.Validation, "from must be earlier than to.", "from");
        }

        var subject = context.GetArgument<string?>("subject");
        var services = context.RequestServices!;
        return await services.GetRequiredService<OperationLog>().RunAsync(
            context.Actor(),
            PrivacyOperationNames.BreachReport,
            BreachWindow.Describe(from, to, subject),
            token => services.GetRequiredService<BreachScope>().ReadAsync(from, to, subject, token),
            profiles => new OperationSummary(BreachWindow.Describe(from, to, subject), $"{profiles.Count} profiles affected; ids only (GraphQL)."),
            context.CancellationToken);
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
