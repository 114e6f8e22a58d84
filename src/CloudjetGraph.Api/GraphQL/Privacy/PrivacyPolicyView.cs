using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>One version of the policy beside the controller it names, as <c>privacyPolicy</c> serves it.</summary>
/// <param name="Version">The version asked for, or the current one.</param>
/// <param name="IsCurrent">Whether it is the version in force.</param>
/// <param name="Controller">The controller's details, the same for every version.</param>
internal sealed record PrivacyPolicyView(PolicyVersion Version, bool IsCurrent, PolicyOptions Controller);
