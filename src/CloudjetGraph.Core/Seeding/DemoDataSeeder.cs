using System.Globalization;
using System.Text;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Seeding;

/// <summary>
/// Development demo data: organisations, 200 profiles with Vietnamese names, one owner who can log
/// in, staff assignments and a few open invitations. Deterministic, written in one transaction,
/// and skipped when present.
/// </summary>
internal sealed partial class DemoDataSeeder(
    CloudjetDbContext db,
    ProfileSealer sealer,
    PersonKeyStore personKeys,
    ProfileAccessTag accessTag,
    IPasswordHasher<Profile> passwordHasher,
    IOptions<PolicyOptions> policy,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>How many profiles the demo holds.</summary>
    public const int ProfileCount = 200;

    /// <summary>Login email of the demo owner (development only).</summary>
    public const string DemoOwnerEmail = "an.nguyen@saomaiviet.vn";

    /// <summary>Password of the demo owner (development only).</summary>
    public const string DemoOwnerPassword = "demo-owner-2019";

    /// <summary>The demo organisations: id, name, email domain.</summary>
    public static readonly IReadOnlyList<(Guid Id, string Name, string Domain)> Organizations =
    [
        (new Guid("0193a000-0000-7000-8000-000000000001"), "Công ty TNHH Sao Mai Việt", "saomaiviet.vn"),
        (new Guid("0193a000-0000-7000-8000-000000000002"), "Công ty CP Logistics Hoàng Phát", "hoangphatlogistics.vn"),
        (new Guid("0193a000-0000-7000-8000-000000000003"), "Công ty CP Công nghệ Minh Anh", "minhanhtech.vn"),
        (new Guid("0193a000-0000-7000-8000-000000000004"), "Công ty TNHH Bán lẻ Phương Nam", "phuongnamretail.vn"),
    ];

    /// <summary>Demo staff subjects and the organisations (by index above) assigned to them.</summary>
    public static readonly IReadOnlyDictionary<string, int[]> StaffAssignments = new Dictionary<string, int[]>
    {
        ["sales-demo"] = [0, 1],
        ["support-demo"] = [1, 2],
    };

    /// <summary>
    /// Open demo invitation codes (development only) and the organisation, by index above, each
    /// opens one account in. Single-use: once used, a code stays used.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, int Organization)> Invitations =
    [
        ("demo-invite-minhanh-1", 2),
        ("demo-invite-minhanh-2", 2),
        ("demo-invite-minhanh-3", 2),
        ("demo-invite-phuongnam-1", 3),
        ("demo-invite-phuongnam-2", 3),
    ];

    /// <summary>How long the demo invitations stay open from seeding.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(365);

    /// <summary>Writes the demo data unless it is already there.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == Organizations[0].Id, cancellationToken))
        {
            db.Organizations.AddRange(Organizations.Select(o => new Organization { Id = o.Id, Name = o.Name }));
            db.StaffAssignments.AddRange(StaffAssignments.SelectMany(staff =>
                staff.Value.Select(index => new StaffAssignment { StaffSubject = staff.Key, OrganizationId = Organizations[index].Id })));
            var profiles = await CreateProfilesAsync(cancellationToken);
            db.Profiles.AddRange(profiles);
            db.ConsentEvents.AddRange(profiles.Select(ConsentEvent.AcceptanceOf));
            LogSeeded(logger, Organizations.Count, ProfileCount);
        }

        // Checked apart, so a demo database seeded before invitations existed gets them too.
        var firstCode = InvitationCode.Hash(Invitations[0].Code);
        if (!await db.Invitations.AnyAsync(i => i.CodeHash == firstCode, cancellationToken))
        {
            db.Invitations.AddRange(CreateInvitations());
            LogSeededInvitations(logger, Invitations.Count);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<Invitation> CreateInvitations()
    {
        var now = time.GetUtcNow();
        return Invitations.Select(invitation => new Invitation
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = Organizations[invitation.Organization].Id,
            CodeHash = InvitationCode.Hash(invitation.Code),
            CreatedBy = "demo-seed",
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        });
    }

    // The person keys are written to the key store first, in one batch, so no profile exists without one.
    private async Task<List<Profile>> CreateProfilesAsync(CancellationToken cancellationToken)
    {
        var seeds = CreateSeeds().ToList();
        var keys = await personKeys.CreateAsync(seeds.Select(s => s.Profile.Id).ToList(), cancellationToken);
        foreach (var ((profile, values), key) in seeds.Zip(keys))
        {
            foreach (var (field, value) in values)
            {
                sealer.Seal(profile, key, field, value);
            }

            if (profile.Id == seeds[0].Profile.Id)
            {
                sealer.SealPasswordHash(profile, key, passwordHasher.HashPassword(profile, DemoOwnerPassword));
            }

            accessTag.Stamp(profile);
        }

        return seeds.Select(s => s.Profile).ToList();
    }

    private IEnumerable<(Profile Profile, Dictionary<ProfileField, string?> Values)> CreateSeeds()
    {
        var random = new Random(20190422);
        var usedEmails = new HashSet<string>(StringComparer.Ordinal) { DemoOwnerEmail };
        var now = time.GetUtcNow();
        for (var i = 0; i < ProfileCount; i++)
        {
            var organization = Organizations[i % Organizations.Count];
            var (family, middle, given) = i == 0
                ? ("Nguyễn", "Văn", "An")
                : (Pick(random, VietnameseNames.FamilyNames), Pick(random, VietnameseNames.MiddleNames), Pick(random, VietnameseNames.GivenNames));
            var email = i == 0 ? DemoOwnerEmail : UniqueEmail(usedEmails, $"{Ascii(given)}.{Ascii(family)}", organization.Domain);
            var createdAt = now.AddDays(-random.Next(30, 2000));
            var profile = new Profile
            {
                Id = Guid.CreateVersion7(createdAt),
                OrganizationId = organization.Id,
                ConsentAcceptedAt = createdAt,
                ConsentPolicyVersion = policy.Value.CurrentVersion,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };

            // The random draws keep their order, so the demo data stays what it always was.
            var values = new Dictionary<ProfileField, string?>
            {
                [ProfileField.FullName] = $"{family} {middle} {given}",
                [ProfileField.Email] = email,
                [ProfileField.LoginEmail] = email,
            };
            values[ProfileField.Phone] = $"{Pick(random, VietnameseNames.MobilePrefixes)} {random.Next(100, 1000)} {random.Next(1000, 10000)}";
            values[ProfileField.Skype] = random.Next(10) < 7 ? $"live:{Ascii(family)}{Ascii(given)}{random.Next(10, 100)}" : null;
            values[ProfileField.Department] = Pick(random, VietnameseNames.Departments);
            values[ProfileField.JobTitle] = Pick(random, VietnameseNames.JobTitles);
            yield return (profile, values);
        }
    }

    private static string UniqueEmail(HashSet<string> used, string localPart, string domain)
    {
        var email = $"{localPart}@{domain}";
        for (var suffix = 2; !used.Add(email); suffix++)
        {
            email = $"{localPart}{suffix}@{domain}";
        }

        return email;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>Lower-case ASCII form of a Vietnamese word, as used in email addresses.</summary>
    private static string Ascii(string word)
    {
        var builder = new StringBuilder();
        foreach (var c in word.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Seeded {OrganizationCount} demo organizations and {ProfileCount} demo profiles.")]
    private static partial void LogSeeded(ILogger logger, int organizationCount, int profileCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Seeded {InvitationCount} open demo invitations.")]
    private static partial void LogSeededInvitations(ILogger logger, int invitationCount);
}
