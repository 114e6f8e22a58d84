using CloudjetGraph.Core.Breaches;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>One staff member's reads of a profile in a breach report.</summary>
internal sealed class BreachReaderGraphType : ObjectGraphType<BreachReader>
{
    public BreachReaderGraphType()
    {
        Name = "BreachReader";
        Description = "A staff member who read the profile in the window: token subject, role, the fields given and when.";
        Field<NonNullGraphType<StringGraphType>>("subject").Description("The staff token subject.").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("role").Description("Their role.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Description("Every field released to them in the window; a masked hint as `phone:masked`.").Resolve(c => c.Source.Fields);
        Field<NonNullGraphType<IntGraphType>>("reads").Description("How many requests released fields of the profile to them.").Resolve(c => c.Source.Reads);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("firstAt").Description("Their first read in the window.").Resolve(c => c.Source.FirstAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("lastAt").Description("Their last read in the window.").Resolve(c => c.Source.LastAt);
    }
}
