using CloudjetGraph.Core.ProfileRecords;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>A profile's restriction of processing, read from its row; only resolved for a restricted profile.</summary>
internal sealed class ProcessingRestrictionGraphType : ObjectGraphType<Profile>
{
    public ProcessingRestrictionGraphType()
    {
        Name = "ProcessingRestriction";
        Description = "Processing of the person's data is restricted: staff get none of their personal fields (PROCESSING_RESTRICTED) until it is lifted; the person still reads and exports them, and a disclosure the law requires still happens.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("since").Description("When processing was restricted.").Resolve(c => c.Source.RestrictedAt);
        Field<NonNullGraphType<ProcessingRestrictionReasonGraphType>>("reason").Description("Why.").Resolve(c => c.Source.RestrictionReason);
        Field<NonNullGraphType<ProcessingRestrictionPlacerGraphType>>("placedBy").Description("Who placed it, which decides who may lift it.").Resolve(c => c.Source.RestrictedBy);
    }
}
