using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// Turns <see cref="AuthorizationOptions"/> into a <see cref="FieldMatrix"/>, naming the exact
/// setting of every problem, so a bad matrix stops startup with a message an operator can act on.
/// </summary>
internal static class FieldMatrixParser
{
    private const string FieldsKey = AuthorizationOptions.SectionName + ":Fields";
    private const string ScopesKey = AuthorizationOptions.SectionName + ":RowScopes";

    /// <summary>Parses the options; <paramref name="errors"/> is empty when the matrix is valid.</summary>
    public static FieldMatrix Parse(AuthorizationOptions options, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var scopes = new Dictionary<Role, RowScope>();
        var roles = ParseScopes(options.RowScopes, scopes, problems);
        var access = new Dictionary<(Role, ProfileField), FieldAccess>();
        var ruledFields = new HashSet<ProfileField>();

        foreach (var (fieldName, rule) in options.Fields)
        {
            if (!ProfileFields.TryParse(fieldName, out var field))
            {
                problems.Add($"{FieldsKey}:{fieldName}: unknown profile field.");
                continue;
            }

            ruledFields.Add(field);
            foreach (var (roleName, levelName) in rule)
            {
                var key = $"{FieldsKey}:{fieldName}:{roleName}";
                var role = roles.Find(candidate => candidate.Name == roleName);
                if (role is null)
                {
                    problems.Add($"{key}: {UnknownRole(roles)}");
                }
                else if (!EnumNames.TryParse<FieldAccess>(levelName, out var level))
                {
                    problems.Add($"{key}: unknown access '{levelName}'; expected None, Masked, Read or Edit.");
                }
                else if (level == FieldAccess.Masked && !ProfileFields.Maskable.Contains(field))
                {
                    problems.Add($"{key}: {fieldName} has no masked form.");
                }
                else if (role == Role.Anonymous && level != FieldAccess.None && ProfileFields.IsPersonal(field))
                {
                    problems.Add($"{key}: anonymous callers may never read personal data.");
                }
                else
                {
                    access[(role, field)] = level;
                }
            }
        }

        problems.AddRange(Enum.GetValues<ProfileField>()
            .Where(field => !ruledFields.Contains(field))
            .Select(field => $"{FieldsKey}:{ProfileFields.NameOf(field)}: no rule; every profile field needs one."));

        var grantedRoles = access.Where(grant => grant.Value != FieldAccess.None).Select(grant => grant.Key.Item1).Distinct().ToList();
        problems.AddRange(grantedRoles
            .Where(role => role != Role.Owner && role != Role.Anonymous && !scopes.ContainsKey(role))
            .Select(role => $"{ScopesKey}:{role.Name}: missing; the role is granted profile fields but reaches no profiles."));

        // id is non-null in the schema: denying it to a role that reads a profile would null the whole profile.
        problems.AddRange(grantedRoles
            .Where(role => access.GetValueOrDefault((role, ProfileField.Id)) < FieldAccess.Read)
            .Select(role => $"{FieldsKey}:id:{role.Name}: must be Read, because the role reads other profile fields."));

        errors = problems;
        return new FieldMatrix(roles, access, scopes);
    }

    /// <summary>The message for a role name that names no role, listing the ones that exist.</summary>
    internal static string UnknownRole(IEnumerable<Role> roles) =>
        $"unknown role; a staff role exists when {ScopesKey} names it; expected one of {string.Join(", ", roles.Select(role => role.Name))}.";

    // A role exists when RowScopes names it, even with a scope value that is refused. Anonymous and
    // owner come first, keyCustodian last, the configured staff roles between in the order bound.
    private static List<Role> ParseScopes(Dictionary<string, string> rowScopes, Dictionary<Role, RowScope> scopes, List<string> problems)
    {
        var staff = new List<Role>();
        foreach (var (roleName, scopeName) in rowScopes)
        {
            var key = $"{ScopesKey}:{roleName}";
            if (string.IsNullOrWhiteSpace(roleName) || roleName == Role.Owner.Name || roleName == Role.Anonymous.Name)
            {
                problems.Add($"{key}: unknown staff role.");
                continue;
            }

            var role = new Role(roleName);
            if (role != Role.KeyCustodian)
            {
                staff.Add(role);
            }

            if (!EnumNames.TryParse<RowScope>(scopeName, out var scope) || scope is not (RowScope.All or RowScope.AssignedOrganizations))
            {
                problems.Add($"{key}: unknown scope '{scopeName}'; expected All or AssignedOrganizations.");
            }
            else
            {
                scopes[role] = scope;
            }
        }

        return [Role.Anonymous, Role.Owner, .. staff, Role.KeyCustodian];
    }
}
