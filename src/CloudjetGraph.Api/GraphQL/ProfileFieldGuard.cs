using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using GraphQL;
using GraphQL.Builders;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// Applies the field matrix to each profile field as it resolves: a denied field becomes an error
/// at its path before anything is decrypted, and the SDL documents the grants.
/// </summary>
internal sealed class ProfileFieldGuard(FieldMatrix matrix, GatewayMetrics metrics)
{
    /// <summary>
    /// Returns the caller's access to <paramref name="field"/> of the source profile, or throws the
    /// coded denial. A profile whose access tag did not verify serves only its id (non-null in the
    /// schema, so withholding it would null the whole page): every other field is DATA_INTEGRITY.
    /// </summary>
    public FieldAccess Demand(IResolveFieldContext<Profile> context, ProfileField field)
    {
        var caller = context.Caller();
        var ownsProfile = caller.OwnProfileId == context.Source.Id;
        var access = caller.Role == Role.Owner && !ownsProfile ? FieldAccess.None : matrix.AccessOf(caller.Role, field);
        return access switch
        {
            FieldAccess.None => throw Denied(caller.Role, field),
            _ when field != ProfileField.Id && !context.Source.AccessVerified => throw new DomainException(ErrorCodes.DataIntegrity, "This profile failed its integrity check and was withheld."),
            _ => access,
        };
    }

    private DomainException Denied(Role role, ProfileField field)
    {
        metrics.Denied(role, ProfileFields.NameOf(field));
        return role == Role.Anonymous
            ? new DomainException(ErrorCodes.NotAuthenticated, $"Sign in to read {ProfileFields.NameOf(field)}.")
            : new DomainException(ErrorCodes.NotAuthorized, $"Your role may not read {ProfileFields.NameOf(field)}.");
    }

    /// <summary>Adds the <c>@access</c> directive listing the roles the matrix grants on the field.</summary>
    public FieldBuilder<Profile, TReturn> Document<TReturn>(FieldBuilder<Profile, TReturn> builder, ProfileField field)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ApplyDirective(AccessDirective.DirectiveName, directive =>
        {
            foreach (var (argument, access) in new[] { ("read", FieldAccess.Read), ("masked", FieldAccess.Masked), ("edit", FieldAccess.Edit) })
            {
                // Edit includes read, so editors are listed among readers too.
                var roles = matrix.RolesWith(field, access)
                    .Concat(access == FieldAccess.Read ? matrix.RolesWith(field, FieldAccess.Edit) : [])
                    .Order()
                    .Select(RoleNames.Of)
                    .ToList();
                if (roles.Count > 0)
                {
                    directive.AddArgument(new(argument) { Value = roles });
                }
            }
        });
    }
}
