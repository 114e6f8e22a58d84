using CloudjetGraph.Core.Authorization;
using GraphQL.Builders;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// Declares on a root field that it is an operation of <see cref="AccessOperations.All"/>, granted
/// by <c>Authorization:Operations</c>; <see cref="OperationAccessMiddleware"/> applies the grant.
/// </summary>
internal static class OperationAccess
{
    /// <summary>Field metadata: the operation's name, the field's own.</summary>
    public const string OperationKey = "cloudjet.operation";

    /// <summary>Field metadata: a <see cref="RecordedRefusal"/>, when refusals are recorded as the operation.</summary>
    public const string RefusalKey = "cloudjet.operation.refusal";

    /// <summary>Marks the field as an operation that needs a grant.</summary>
    /// <exception cref="InvalidOperationException">The field is not in <see cref="AccessOperations.All"/>, so no setting could grant it.</exception>
    public static FieldBuilder<TSource, TReturn> Granted<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        var name = field.FieldType.Name;
        if (!AccessOperations.All.Contains(name))
        {
            throw new InvalidOperationException($"{name} is not an operation of AccessOperations.All.");
        }

        field.FieldType.Metadata[OperationKey] = name;
        return field;
    }

    /// <summary>Marks the field as an operation that needs a grant and records its refusals as <paramref name="refusal"/> says.</summary>
    public static FieldBuilder<TSource, TReturn> Granted<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, RecordedRefusal refusal)
    {
        field.Granted().FieldType.Metadata[RefusalKey] = refusal;
        return field;
    }
}
