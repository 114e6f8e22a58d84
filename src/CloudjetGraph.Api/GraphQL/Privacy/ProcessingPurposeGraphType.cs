using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The purposes of POLICY.md §2 (<see cref="Purposes"/>), as an enum.</summary>
internal sealed class ProcessingPurposeGraphType : LabelEnumerationGraphType
{
    public ProcessingPurposeGraphType()
    {
        Name = "ProcessingPurpose";
        Description = "What personal data was processed for, among the purposes the privacy policy names.";
        AddLabel(Purposes.Account, "Keeping the customer's account.");
        AddLabel(Purposes.CustomerCare, "Customer care: requests, complaints and feedback.");
        AddLabel(Purposes.LegalObligation, "A legal obligation: a disclosure a competent authority required.");
    }
}
