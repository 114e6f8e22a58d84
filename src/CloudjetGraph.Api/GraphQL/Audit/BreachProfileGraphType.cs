using CloudjetGraph.Core.Breaches;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>One affected profile in a breach report, by id only.</summary>
internal sealed class BreachProfileGraphType : ObjectGraphType<BreachProfile>
{
    public BreachProfileGraphType()
    {
        Name = "BreachProfile";
        Description = "A profile whose personal fields were released to staff in the report's window: its id and who read it. No personal value.";
        Field<NonNullGraphType<IdGraphType>>("profileId").Description("The profile's id.").Resolve(c => c.Source.ProfileId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BreachReaderGraphType>>>>("readers").Description("Who read it in the window, by subject and role.").Resolve(c => c.Source.Readers);
    }
}
