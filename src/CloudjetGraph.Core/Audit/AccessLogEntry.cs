namespace CloudjetGraph.Core.Audit;

/// <summary>One staff read of an owner's profile, or a disclosure of it to a competent authority, as the owner sees it.</summary>
/// <param name="At">When.</param>
/// <param name="Role">The reader's role (management, sales, support); never who.</param>
/// <param name="Operation">The GraphQL operation name, empty when the document named none.</param>
/// <param name="Fields">The fields released; a masked one as <c>phone:masked</c>.</param>
/// <param name="Purpose">The purpose of POLICY.md §2 the read served (<see cref="Authorization.Purposes"/>); null for reads recorded before purposes were.</param>
/// <param name="PolicyVersion">The policy version the owner had accepted when it was made; null for reads recorded before versions were.</param>
/// <param name="Disclosure">For a disclosure to a competent authority, its law, provision and hold (ended, or the owner would not see it); null for a read.</param>
public sealed record AccessLogEntry(DateTimeOffset At, string Role, string Operation, IReadOnlyList<string> Fields, string? Purpose, string? PolicyVersion, AuthorityDisclosure? Disclosure)
{
    /// <summary>One of <see cref="AccessLogEntryKinds"/>: a disclosure is one because the trail recorded it as one.</summary>
    public string Kind => Disclosure is null ? AccessLogEntryKinds.Read : AccessLogEntryKinds.AuthorityDisclosure;
}
