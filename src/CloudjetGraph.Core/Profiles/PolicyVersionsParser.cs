using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Turns <c>Policy:Versions</c> into <see cref="PolicyVersions"/>, naming the exact setting of every
/// problem: a version without a name, a repeated one, effective dates out of order, neither text nor
/// hash, a hash that is not 64 lowercase hex digits or does not match the text, and a current
/// version that is not listed. With no versions configured, the one built-in version stands
/// (the 2019 policy, by its hash), so a deployment that never listed versions keeps working.
/// </summary>
internal static class PolicyVersionsParser
{
    private const string VersionsKey = PolicyOptions.SectionName + ":Versions";

    /// <summary>The Cloudjet KPI policy effective 22/04/2019 (docs/policy/2019-04-22.vi.txt), by its hash.</summary>
    public static PolicyVersionOptions BuiltIn { get; } = new()
    {
        Version = "2019-04-22",
        EffectiveDate = new DateOnly(2019, 4, 22),
        Sha256 = "3ede4ce1cdabc7c41d530cc3718ad4b4937327681dbbf7f9adbd30084bc65ab7",
    };

    /// <summary>Parses the versions; <paramref name="errors"/> is empty when they are valid.</summary>
    public static PolicyVersions Parse(PolicyOptions options, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var configured = options.Versions.Count == 0 ? [BuiltIn] : options.Versions;
        var versions = new List<PolicyVersion>();
        for (var i = 0; i < configured.Count; i++)
        {
            if (Parse($"{VersionsKey}:{i}", configured[i], versions, problems) is { } version)
            {
                versions.Add(version);
            }
        }

        var current = versions.Find(v => v.Version == options.CurrentVersion);
        if (!configured.Any(v => v.Version == options.CurrentVersion))
        {
            problems.Add($"{PolicyOptions.SectionName}:CurrentVersion: '{options.CurrentVersion}' is not listed in {VersionsKey}.");
        }

        errors = problems;
        return new PolicyVersions(versions, current ?? versions.FirstOrDefault() ?? new PolicyVersion(options.CurrentVersion, default, null, string.Empty));
    }

    private static PolicyVersion? Parse(string key, PolicyVersionOptions options, List<PolicyVersion> earlier, List<string> problems)
    {
        var count = problems.Count;
        if (string.IsNullOrWhiteSpace(options.Version) || options.Version.Length > 32)
        {
            problems.Add($"{key}:Version: required, at most 32 characters.");
        }
        else if (earlier.Exists(v => v.Version == options.Version))
        {
            problems.Add($"{key}:Version: '{options.Version}' is listed twice.");
        }

        if (earlier.Count > 0 && options.EffectiveDate <= earlier[^1].EffectiveDate)
        {
            problems.Add($"{key}:EffectiveDate: must be after the version listed before it ({earlier[^1].EffectiveDate:yyyy-MM-dd}); list versions oldest first.");
        }

        var textHash = options.Text is { } text ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) : null;
        if (options.Sha256 is { } hash && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
        {
            problems.Add($"{key}:Sha256: must be 64 lowercase hexadecimal digits.");
        }
        else if (options.Sha256 is null && textHash is null)
        {
            problems.Add($"{key}: needs its Text or its Sha256.");
        }
        else if (options.Sha256 is { } given && textHash is { } computed && given != computed)
        {
            problems.Add($"{key}:Sha256: does not match its Text.");
        }

        return problems.Count == count ? new PolicyVersion(options.Version, options.EffectiveDate, options.Text, options.Sha256 ?? textHash!) : null;
    }
}
