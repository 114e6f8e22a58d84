using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The privacy policy, any version of it, readable by anyone, so a client can show it before sign-up.</summary>
internal static class PrivacyQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PrivacyPolicyGraphType>>("privacyPolicy")
            .Description("A version of the privacy policy and the data controller; the one in force when no version is given. No sign-in needed. An unknown version is NOT_FOUND.")
            .Argument<StringGraphType>("version", "The version to serve, as an owner's consent names it; omit for the one in force.")
            .Resolve(context =>
            {
                var versions = context.RequestServices!.GetRequiredService<PolicyVersions>();
                var controller = context.RequestServices!.GetRequiredService<IOptions<PolicyOptions>>().Value;
                var asked = context.GetArgument<string?>("version");

                // The message never repeats the string asked for: every version is public, so the
                // refusal has nothing to tell but that this one is not among them.
                var version = asked is null ? versions.Current
                    : versions.Find(asked) ?? throw new DomainException(ErrorCodes.NotFound, "No privacy policy version has that name; omit version for the one in force.", "version");
                return new PrivacyPolicyView(version, version == versions.Current, controller);
            });
    }
}
