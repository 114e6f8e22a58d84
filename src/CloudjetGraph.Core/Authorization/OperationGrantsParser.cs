namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// Turns <c>Authorization:Operations</c> into <see cref="OperationGrants"/> against the roles the
/// matrix knows, naming the exact setting of every problem: an unknown operation, a role that
/// does not exist (no row scope), an anonymous grant, or owner and staff grants crossed (owners run
/// only the operations on their own profile, staff never those).
/// </summary>
internal static class OperationGrantsParser
{
    private const string OperationsKey = AuthorizationOptions.SectionName + ":Operations";

    /// <summary>Parses the operation rules; <paramref name="errors"/> is empty when they are valid.</summary>
    public static OperationGrants Parse(AuthorizationOptions options, FieldMatrix matrix, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(matrix);
        var problems = new List<string>();
        var grants = new Dictionary<string, HashSet<Role>>(StringComparer.Ordinal);
        foreach (var (operation, roleNames) in options.Operations)
        {
            var key = $"{OperationsKey}:{operation}";
            if (!AccessOperations.All.Contains(operation))
            {
                problems.Add($"{key}: unknown operation; expected one of {string.Join(", ", AccessOperations.All.Order(StringComparer.Ordinal))}.");
                continue;
            }

            var roles = grants[operation] = [];
            foreach (var roleName in roleNames)
            {
                if (!matrix.TryFindRole(roleName, out var role))
                {
                    problems.Add($"{key}: '{roleName}' is an {FieldMatrixParser.UnknownRole(matrix.Roles)}");
                }
                else if (role == Role.Anonymous)
                {
                    problems.Add($"{key}: anonymous callers run only the open operations (privacyPolicy, signUp, login).");
                }
                else if ((role == Role.Owner) != AccessOperations.OwnProfile.Contains(operation))
                {
                    problems.Add(role == Role.Owner
                        ? $"{key}: owner may be granted only operations on their own profile ({string.Join(", ", AccessOperations.OwnProfile.Order(StringComparer.Ordinal))})."
                        : $"{key}: '{roleName}' may not be granted it; it acts on the caller's own profile, so only owner may run it.");
                }
                else
                {
                    roles.Add(role);
                }
            }
        }

        errors = problems;
        return new OperationGrants(grants);
    }
}
