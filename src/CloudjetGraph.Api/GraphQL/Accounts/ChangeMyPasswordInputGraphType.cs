using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>An owner's current password and the one replacing it.</summary>
internal sealed class ChangeMyPasswordInputGraphType : InputObjectGraphType
{
    public ChangeMyPasswordInputGraphType()
    {
        Name = "ChangeMyPasswordInput";
        Description = "Your current password, and the new one.";
        Field<NonNullGraphType<StringGraphType>>("currentPassword").Description("Your password now.");
        Field<NonNullGraphType<StringGraphType>>("newPassword").Description("The new password, under the same rules as at sign-up.");
    }
}
