using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>How a recorded operation ended (<see cref="OperationOutcomes"/>), as an enum.</summary>
internal sealed class OperationOutcomeGraphType : LabelEnumerationGraphType
{
    public OperationOutcomeGraphType()
    {
        Name = "OperationOutcome";
        Description = "How a recorded key custodian operation ended.";
        AddLabel(OperationOutcomes.Succeeded, $"`{OperationOutcomes.Succeeded}`: it did its work.");
        AddLabel(OperationOutcomes.Refused, $"`{OperationOutcomes.Refused}`: a rule refused it (a key still in use, an unknown key, a role without the grant); nothing changed.");
        AddLabel(OperationOutcomes.Failed, $"`{OperationOutcomes.Failed}`: it broke off on an unexpected error; the log of the gateway or the tool says why.");
    }
}
