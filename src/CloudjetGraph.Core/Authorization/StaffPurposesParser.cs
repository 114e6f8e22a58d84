namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// Turns <c>Authorization:Purposes</c> into <see cref="StaffPurposes"/> against the roles the matrix
/// knows, naming the exact setting of every problem: a staff role with no purpose, a purpose given
/// to a role that is not staff, or a purpose the policy does not name.
/// </summary>
internal static class StaffPurposesParser
{
    private const string PurposesKey = AuthorizationOptions.SectionName + ":Purposes";

    /// <summary>Parses the purposes; <paramref name="errors"/> is empty when they are valid.</summary>
    public static StaffPurposes Parse(AuthorizationOptions options, FieldMatrix matrix, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(matrix);
        var problems = new List<string>();
        var purposes = new Dictionary<Role, string>();
        foreach (var (roleName, purpose) in options.Purposes)
        {
            var key = $"{PurposesKey}:{roleName}";
            if (!Purposes.All.Contains(purpose, StringComparer.Ordinal))
            {
                problems.Add($"{key}: unknown purpose '{purpose}'; expected one of {string.Join(", ", Purposes.All)}.");
            }
            else if (matrix.TryFindRole(roleName, out var role) && matrix.IsStaff(role))
            {
                purposes[role] = purpose;
            }
            else if (!options.RowScopes.ContainsKey(roleName))
            {
                // A role whose row scope was refused is staff as configured: that error names it.
                problems.Add($"{key}: not a staff role; only roles named in {AuthorizationOptions.SectionName}:RowScopes serve a purpose.");
            }
        }

        foreach (var role in matrix.Roles.Where(role => matrix.IsStaff(role) && !options.Purposes.ContainsKey(role.Name)))
        {
            problems.Add($"{PurposesKey}:{role.Name}: missing; every staff role serves one purpose of the policy's §2 ({string.Join(", ", Purposes.All)}).");
        }

        errors = problems;
        return new StaffPurposes(purposes);
    }
}
