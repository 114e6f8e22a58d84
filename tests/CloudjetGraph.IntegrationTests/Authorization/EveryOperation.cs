namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>One well-formed call of every operation that needs a grant, to be refused before it runs.</summary>
public static class EveryOperation
{
    private const string Id = "\"0193a000-0000-7000-8000-000000000001\"";

    /// <summary>Operation name → its root type and a selection that calls it.</summary>
    public static IReadOnlyDictionary<string, (string Type, string Document)> Documents { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["breachReport"] = ("Query", """breachReport(from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { profileId }"""),
        ["keys"] = ("Query", "keys { __typename }"),
        ["keyJobs"] = ("Query", "keyJobs { __typename }"),
        ["keyOperations"] = ("Query", "keyOperations { __typename }"),
        ["createOrganization"] = ("Mutation", """createOrganization(input: { name: "Audited Co" }) { id }"""),
        ["createInvitation"] = ("Mutation", $"createInvitation(input: {{ organizationId: {Id} }}) {{ code }}"),
        ["updateMyProfile"] = ("Mutation", """updateMyProfile(input: { jobTitle: "Auditor" }) { id }"""),
        ["changeMyPassword"] = ("Mutation", """changeMyPassword(input: { currentPassword: "not-mine", newPassword: "not mine either" }) { token }"""),
        ["exportMyData"] = ("Mutation", "exportMyData"),
        ["acceptPolicy"] = ("Mutation", """acceptPolicy(version: "2019-04-22") { acceptedAt }"""),
        ["deleteMyAccount"] = ("Mutation", """deleteMyAccount(password: "not-mine") { erasedProfiles }"""),
        ["withdrawConsent"] = ("Mutation", """withdrawConsent(password: "not-mine") { erasedProfiles }"""),
        ["correctProfile"] = ("Mutation", $$"""correctProfile(id: {{Id}}, input: { jobTitle: "Auditor" }, requestReference: "CS-1") { id }"""),
        ["exportProfileForAuthority"] = ("Mutation", $$"""exportProfileForAuthority(id: {{Id}}, basis: { law: "91/2025/QH15", article: "Article 17", requestReference: "CV-1" })"""),
        ["eraseProfile"] = ("Mutation", $$"""eraseProfile(id: {{Id}}, requestReference: "CS-1") { erasedProfiles }"""),
        ["eraseOrganization"] = ("Mutation", $$"""eraseOrganization(id: {{Id}}, requestReference: "CS-1") { erasedProfiles }"""),
        ["restrictProcessing"] = ("Mutation", "restrictProcessing(input: { reason: ACCURACY_CONTESTED }) { profileId }"),
        ["liftRestriction"] = ("Mutation", "liftRestriction { profileId }"),
        ["restrictProfile"] = ("Mutation", $$"""restrictProfile(input: { id: {{Id}}, requestReference: "CS-1", reason: OBJECTION_PENDING }) { profileId }"""),
        ["liftProfileRestriction"] = ("Mutation", $$"""liftProfileRestriction(input: { id: {{Id}}, requestReference: "CS-1" }) { profileId }"""),
        ["rotateMasterKey"] = ("Mutation", "rotateMasterKey { masterKeyId }"),
        ["rewrapDataKeysUnderMasterKey"] = ("Mutation", "rewrapDataKeysUnderMasterKey { masterKeyId }"),
        ["revokeMasterKey"] = ("Mutation", $"revokeMasterKey(input: {{ id: {Id} }}) {{ masterKeyId }}"),
        ["rotateDataKey"] = ("Mutation", "rotateDataKey(input: { purpose: PERSON_KEYS }) { purpose }"),
        ["destroyDataKey"] = ("Mutation", $"destroyDataKey(input: {{ id: {Id} }}) {{ id }}"),
        ["startKeyJob"] = ("Mutation", "startKeyJob(input: { kind: REWRAP }) { kind }"),
        ["disableDataKey"] = ("Mutation", $"disableDataKey(input: {{ id: {Id} }}) {{ id }}"),
        ["enableDataKey"] = ("Mutation", $"enableDataKey(input: {{ id: {Id} }}) {{ id }}"),
        ["scheduleDataKeyDestruction"] = ("Mutation", $"scheduleDataKeyDestruction(input: {{ id: {Id} }}) {{ id }}"),
        ["cancelDataKeyDestruction"] = ("Mutation", $"cancelDataKeyDestruction(input: {{ id: {Id} }}) {{ id }}"),
    };

    /// <summary>The names, as theory data.</summary>
    public static TheoryData<string> Names => [.. Documents.Keys];
}
