using System.Collections.Frozen;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The validated <c>Authorization:Purposes</c>: the one purpose of <see cref="Purposes"/> each staff role serves.</summary>
public sealed class StaffPurposes
{
    private readonly FrozenDictionary<Role, string> _purposes;

    internal StaffPurposes(IDictionary<Role, string> purposes) => _purposes = purposes.ToFrozenDictionary();

    /// <summary>The purpose <paramref name="role"/> serves; null for a role that is not staff (its reads are not releases).</summary>
    public string? Of(Role role) => _purposes.GetValueOrDefault(role);
}
