using CloudjetGraph.Api.GraphQL.Types;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The write side of the schema.</summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    private static readonly ProfileField[] EditableFields =
        [ProfileField.FullName, ProfileField.Email, ProfileField.Phone, ProfileField.Skype, ProfileField.Department, ProfileField.JobTitle];

    public MutationGraphType(FieldMatrix matrix)
    {
        Name = "Mutation";
        Description = "Sign up, log in and edit your own profile.";

        Field<NonNullGraphType<SignUpPayloadGraphType>>("signUp")
            .Description("Opens an account. Requires explicit consent to the current policy version (CONSENT_REQUIRED otherwise); nothing is written unless every rule holds.")
            .Argument<NonNullGraphType<SignUpInputGraphType>>("input", "The new account.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var consent = input.GetValueOrDefault("consent") as Dictionary<string, object?>;
                var request = new SignUpRequest(
                    Guid.TryParse(input["organizationId"] as string, out var organizationId) ? organizationId : Guid.Empty,
                    (string)input["fullName"]!,
                    (string)input["email"]!,
                    (string)input["password"]!,
                    input.GetValueOrDefault("phone") as string,
                    input.GetValueOrDefault("skype") as string,
                    input.GetValueOrDefault("department") as string,
                    input.GetValueOrDefault("jobTitle") as string,
                    consent is null ? null : new ConsentRequest(consent["accepted"] is true, consent["policyVersion"] as string));
                return await Accounts(context).SignUpAsync(request, context.CancellationToken);
            });

        Field<NonNullGraphType<LoginPayloadGraphType>>("login")
            .Description("Exchanges an owner's email and password for a bearer token. Any failure gives the same AUTH_INVALID_CREDENTIALS error.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The login email.")
            .Argument<NonNullGraphType<StringGraphType>>("password", "The password.")
            .ResolveAsync(async context => await Accounts(context).LoginAsync(
                context.GetArgument<string>("email"), context.GetArgument<string>("password"), context.CancellationToken));

        Field<ProfileGraphType>("updateMyProfile")
            .Description("Changes your own profile; only fields your role may edit.")
            .Argument<NonNullGraphType<UpdateMyProfileInputGraphType>>("input", "The changes.")
            .ResolveAsync(async context =>
            {
                var caller = context.Caller();
                var ownId = caller.OwnProfileId ?? throw new DomainException(
                    caller.Role == Role.Anonymous ? ErrorCodes.NotAuthenticated : ErrorCodes.NotAuthorized,
                    "Only a profile's owner may update it here.");
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var changes = new Dictionary<ProfileField, string?>();
                foreach (var field in EditableFields.Where(f => input.ContainsKey(ProfileFields.NameOf(f))))
                {
                    if (matrix.AccessOf(caller.Role, field) < FieldAccess.Edit)
                    {
                        throw new DomainException(ErrorCodes.NotAuthorized, $"Your role may not edit {ProfileFields.NameOf(field)}.", ProfileFields.NameOf(field));
                    }

                    changes[field] = input[ProfileFields.NameOf(field)] as string;
                }

                return await Accounts(context).UpdateAsync(ownId, changes, context.CancellationToken);
            });
    }

    private static ProfileAccounts Accounts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ProfileAccounts>();
}
