using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>What an access-log entry was (<see cref="AccessLogEntryKinds"/>), as an enum.</summary>
internal sealed class AccessLogEntryKindGraphType : LabelEnumerationGraphType
{
    public AccessLogEntryKindGraphType()
    {
        Name = "AccessLogEntryKind";
        Description = "What an entry of your access log was: a read by staff, or a disclosure of your profile to a competent authority.";
        AddLabel(AccessLogEntryKinds.Read, "Staff read personal fields for the purpose their role serves. Disclosures recorded before they were told apart show as reads with purpose LEGAL_OBLIGATION.");
        AddLabel(AccessLogEntryKinds.AuthorityDisclosure, "Management disclosed your profile to a competent state authority on the legal basis the entry names.");
    }
}
