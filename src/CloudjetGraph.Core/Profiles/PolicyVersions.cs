using System.Collections.Frozen;

namespace CloudjetGraph.Core.Profiles;

/// <summary>The validated <c>Policy:Versions</c>: every version of the policy, oldest first, and the current one.</summary>
public sealed class PolicyVersions
{
    private readonly FrozenDictionary<string, PolicyVersion> _byName;

    internal PolicyVersions(IReadOnlyList<PolicyVersion> all, PolicyVersion current)
    {
        All = all;
        Current = current;
        _byName = all.ToFrozenDictionary(v => v.Version, StringComparer.Ordinal);
    }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<PolicyVersion> All { get; }

    /// <summary>The version named by <c>Policy:CurrentVersion</c>.</summary>
    public PolicyVersion Current { get; }

    /// <summary>The version named exactly <paramref name="version"/>, or null.</summary>
    public PolicyVersion? Find(string version) => _byName.GetValueOrDefault(version);
}
