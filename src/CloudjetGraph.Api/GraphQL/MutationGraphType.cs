using CloudjetGraph.Api.GraphQL.Accounts;
using CloudjetGraph.Api.GraphQL.Keys;
using CloudjetGraph.Api.GraphQL.Privacy;
using CloudjetGraph.Api.GraphQL.Profiles;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Protection;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The write side of the schema: each feature adds its root fields, in the schema's order.</summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(CloudjetRateLimiter limiter, BlindIndex blindIndex)
    {
        Name = "Mutation";
        Description = "Onboard customers, sign up by invitation, log in, edit and export your own profile; accept the policy, restrict processing, withdraw consent or erase an account; for staff, correct a profile on request and export one for an authority; for key custodians, rotate and revoke keys.";
        AccountMutations.AddTo(this, limiter, blindIndex);
        OnboardingMutations.AddTo(this);
        ProfileMutations.AddTo(this);
        PasswordMutations.AddTo(this, limiter);
        PrivacyRightsMutations.AddTo(this);
        PrivacyMutations.AddTo(this, limiter);
        RestrictionMutations.AddTo(this);
        KeyCustodianMutations.AddTo(this);
        DataKeyStateMutations.AddTo(this);
    }
}
