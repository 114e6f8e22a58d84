using CloudjetGraph.Core.ProfileRecords;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>A profile's restriction after a restrict or lift: ids and labels only, none of the person's values.</summary>
internal sealed class ProcessingRestrictionPayloadGraphType : ObjectGraphType<Profile>
{
    public ProcessingRestrictionPayloadGraphType()
    {
        Name = "ProcessingRestrictionPayload";
        Description = "The profile's restriction of processing as it now stands.";
        Field<NonNullGraphType<IdGraphType>>("profileId").Description("The profile.").Resolve(c => c.Source.Id);
        Field<ProcessingRestrictionGraphType>("restriction")
            .Description("The restriction in force; null once lifted.")
            .Resolve(c => c.Source.RestrictedAt is null ? null : c.Source);
    }
}
