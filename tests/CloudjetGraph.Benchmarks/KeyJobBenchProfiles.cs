using System.Globalization;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Seeding;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// The values of benchmark profile number <c>i</c>, made from <c>i</c> alone, so the check after a
/// job can tell from a profile's opened email what every other field must read.
/// </summary>
public static class KeyJobBenchProfiles
{
    /// <summary>The password every benchmark profile has (its hash is computed once: PBKDF2 a million times would take hours).</summary>
    public const string Password = "bench-password-2026";

    private const string Domain = "bench.saomaiviet.vn";

    public static Guid OrganizationOf(int index) => DemoDataSeeder.Organizations[index % DemoDataSeeder.Organizations.Count].Id;

    /// <summary>The seven sealed fields, normalised as the gateway stores them; Skype left empty for every fourth profile.</summary>
    public static Dictionary<ProfileField, string?> ValuesOf(int index)
    {
        var email = EmailOf(index);
        var raw = new Dictionary<ProfileField, string?>
        {
            [ProfileField.FullName] = $"Nguyễn Thị Thử {index}",
            [ProfileField.Email] = email,
            [ProfileField.Phone] = string.Create(CultureInfo.InvariantCulture, $"090 {index / 10_000 % 1000:D3} {index % 10_000:D4}"),
            [ProfileField.Skype] = index % 4 == 3 ? null : $"live:thu{index}",
            [ProfileField.Department] = $"Phòng thử nghiệm {index % 17}",
            [ProfileField.JobTitle] = $"Chuyên viên bậc {index % 9}",
            [ProfileField.LoginEmail] = email,
        };
        return raw.ToDictionary(entry => entry.Key, entry => ProfileValueRules.Normalize(entry.Key, entry.Value));
    }

    /// <summary>The index in an email written by <see cref="ValuesOf"/>, or -1.</summary>
    public static int IndexOf(string? email) =>
        email is not null && email.StartsWith("thu", StringComparison.Ordinal) && email.EndsWith("@" + Domain, StringComparison.Ordinal)
            && int.TryParse(email.AsSpan(3, email.Length - 4 - Domain.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;

    private static string EmailOf(int index) => string.Create(CultureInfo.InvariantCulture, $"thu{index}@{Domain}");
}
