using System.ComponentModel.DataAnnotations;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>Who may onboard customers, and how long invitations stay open.</summary>
public sealed class OnboardingOptions
{
    /// <summary>Configuration section: <c>Onboarding</c>.</summary>
    public const string SectionName = "Onboarding";

    /// <summary>
    /// Staff roles that may create organisations and invitations, comma-separated role names as in
    /// tokens. Default <c>management</c>. Owners and anonymous callers can never be given this.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Roles { get; set; } = "management";

    /// <summary>How long an invitation stays open when <c>expiresIn</c> is not given. Default seven days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan DefaultInvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest <c>expiresIn</c> accepted. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan MaxInvitationLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Parses <see cref="Roles"/>; false when a name is not a staff role.</summary>
    public bool TryParseRoles(out IReadOnlySet<Role> roles)
    {
        var parsed = new HashSet<Role>();
        roles = parsed;
        foreach (var name in Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!RoleNames.TryParse(name, out var role) || !RoleNames.Staff.Contains(role))
            {
                return false;
            }

            parsed.Add(role);
        }

        return parsed.Count > 0;
    }
}
