using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>How long invitations stay open. Who may onboard is <c>Authorization:Operations</c>.</summary>
public sealed class OnboardingOptions
{
    /// <summary>Configuration section: <c>Onboarding</c>.</summary>
    public const string SectionName = "Onboarding";

    /// <summary>How long an invitation stays open when <c>expiresIn</c> is not given. Default seven days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan DefaultInvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest <c>expiresIn</c> accepted. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan MaxInvitationLifetime { get; set; } = TimeSpan.FromDays(30);
}
