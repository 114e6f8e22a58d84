using System.Linq.Expressions;
using System.Reflection;
using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Fields;

/// <summary>
/// One <c>byte[]</c> column of <see cref="Profile"/>, named once by a property expression: read and
/// written in memory through the same property that EF Core updates in bulk and the census counts.
/// </summary>
internal sealed class ProfileColumn
{
    private readonly Func<Profile, byte[]?> _get;
    private readonly Action<Profile, byte[]?> _set;

    /// <summary>Creates the column from a property access such as <c>p =&gt; p.FullName</c>.</summary>
    /// <exception cref="ArgumentException">The expression is not a settable property of <see cref="Profile"/>.</exception>
    public ProfileColumn(Expression<Func<Profile, byte[]?>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.Body is not MemberExpression { Member: PropertyInfo { SetMethod: { } setter } info })
        {
            throw new ArgumentException("Expected a settable property of Profile.", nameof(property));
        }

        Property = property;
        PropertyName = info.Name;
        _get = property.Compile();
        _set = setter.CreateDelegate<Action<Profile, byte[]?>>();
    }

    /// <summary>The property access, for EF Core's bulk updates.</summary>
    public Expression<Func<Profile, byte[]?>> Property { get; }

    /// <summary>The property's name, which EF Core maps to the column.</summary>
    public string PropertyName { get; }

    /// <summary>The stored bytes of a profile.</summary>
    public byte[]? Get(Profile profile) => _get(profile);

    /// <summary>Replaces the stored bytes of a profile in memory.</summary>
    public void Set(Profile profile, byte[]? value) => _set(profile, value);
}
