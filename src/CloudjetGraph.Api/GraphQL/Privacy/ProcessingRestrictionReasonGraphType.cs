using CloudjetGraph.Core.Privacy;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The grounds of <see cref="RestrictionReasons"/>, as an enum.</summary>
internal sealed class ProcessingRestrictionReasonGraphType : LabelEnumerationGraphType
{
    public ProcessingRestrictionReasonGraphType()
    {
        Name = "ProcessingRestrictionReason";
        Description = "Why processing of a person's data is restricted: the grounds the personal-data law gives. A fixed set, so no free text reaches the consent history or the audit trail.";
        AddLabel(RestrictionReasons.AccuracyContested, "The person contests the accuracy of their data, while it is checked.");
        AddLabel(RestrictionReasons.ProcessingUnlawful, "The processing is unlawful and the person asks for restriction instead of erasure.");
        AddLabel(RestrictionReasons.NoLongerNeeded, "The data is no longer needed for its purpose, but the person needs it kept for a legal claim.");
        AddLabel(RestrictionReasons.ObjectionPending, "The person objected to the processing, while the objection is weighed.");
    }
}
