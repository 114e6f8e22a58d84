using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.Api.GraphQL.Paging;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>What the trail answers: the key custodians' operation log and, for management, a breach's scope.</summary>
internal static class AuditQueries
{
    public static void AddTo(ObjectGraphType query, GraphQLOptions options)
    {
        query.Field("keyOperations", KeyOperationConnection.GraphType())
            .Granted()
            .Description($"The record of key custodian operations (who, what, when, outcome), newest first, at most {options.MaxPageSize} per page; forward with first/after, backward with last/before (still newest first within the page); for the keyCustodian role only.")
            .Paged(options, "Return operations older than this cursor (a pageInfo.endCursor).", "Return the operations just newer than this cursor (a pageInfo.startCursor).")
            .ResolveAsync(async context =>
            {
                var page = PageArguments.Request(context, options);
                var cursor = page.Cursor is { } text ? KeyOperationCursor.Decode(text, page.CursorArgument) : (long?)null;
                var log = context.RequestServices!.GetRequiredService<OperationLog>();
                return page.Backward
                    ? await log.PageNewerAsync(page.Size, cursor, context.CancellationToken)
                    : await log.PageAsync(page.Size, cursor, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BreachProfileGraphType>>>>("breachReport")
            .Granted()
            .Description("The scope of a breach, for management only: every profile whose personal fields were released to staff from `from` (inclusive) to `to` (exclusive), optionally by one staff subject, with who read it and which fields. Ids only; the Cli's `audit report` adds contact emails. Each call is itself recorded in the audit trail.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from", "Start of the window, inclusive.")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("to", "End of the window, exclusive.")
            .Argument<StringGraphType>("subject", "Only reads by this staff token subject.")
            // Reads the whole audit trail of the window, however few profiles it returns.
            .Costs(10)
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
}
