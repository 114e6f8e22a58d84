using CloudjetGraph.Core.Privacy;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>Who placed a restriction, <see cref="RestrictionPlacers"/>, as an enum.</summary>
internal sealed class ProcessingRestrictionPlacerGraphType : LabelEnumerationGraphType
{
    public ProcessingRestrictionPlacerGraphType()
    {
        Name = "ProcessingRestrictionPlacer";
        Description = "Who placed a restriction of processing, which decides who may lift it.";
        AddLabel(RestrictionPlacers.Owner, "The person, with restrictProcessing; they lift it with liftRestriction.");
        AddLabel(RestrictionPlacers.Staff, "Staff on the customer's recorded request, with restrictProfile; only liftProfileRestriction, on a request, lifts it.");
    }
}
