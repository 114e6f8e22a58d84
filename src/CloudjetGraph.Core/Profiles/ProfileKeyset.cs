using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Where a read of profiles starts in id order and which way it goes: a page forward after a cursor,
/// a page backward before one, or the look past a page's cursor (<see cref="Behind"/>) that tells
/// whether profiles lie on its other side. Every read of a listing applies it the same way, so
/// forward and backward pages keep one row scope and one filter.
/// </summary>
/// <param name="Cursor">The id to start from; null for the listing's start (or end, descending).</param>
/// <param name="Descending">True to read towards older ids.</param>
/// <param name="IncludesCursor">Whether the row at <paramref name="Cursor"/> itself counts.</param>
internal sealed record ProfileKeyset(Guid? Cursor, bool Descending, bool IncludesCursor)
{
    /// <summary>The profiles after <paramref name="after"/>, oldest first.</summary>
    public static ProfileKeyset After(Guid? after) => new(after, Descending: false, IncludesCursor: false);

    /// <summary>The profiles before <paramref name="before"/>, newest first (a backward page, reversed in memory).</summary>
    public static ProfileKeyset Before(Guid? before) => new(before, Descending: true, IncludesCursor: false);

    /// <summary>From the cursor the other way, the cursor's own row included: what a page turned its back on.</summary>
    public ProfileKeyset Behind => new(Cursor, !Descending, !IncludesCursor);

    /// <summary>The rows of this keyset, in its order.</summary>
    public IQueryable<Profile> Apply(IQueryable<Profile> profiles)
    {
        var bounded = (Cursor, Descending, IncludesCursor) switch
        {
            (null, _, _) => profiles,
            ({ } id, false, false) => profiles.Where(p => p.Id.CompareTo(id) > 0),
            ({ } id, false, true) => profiles.Where(p => p.Id.CompareTo(id) >= 0),
            ({ } id, true, false) => profiles.Where(p => p.Id.CompareTo(id) < 0),
            ({ } id, true, true) => profiles.Where(p => p.Id.CompareTo(id) <= 0),
        };
        return Sorted(bounded);
    }

    /// <summary>Rows already bounded (a union of slices), in this keyset's order.</summary>
    public IQueryable<Profile> Sorted(IQueryable<Profile> rows) => Descending ? rows.OrderByDescending(p => p.Id) : rows.OrderBy(p => p.Id);

    /// <summary>Rows already read, in this keyset's order.</summary>
    public IEnumerable<Profile> Order(IEnumerable<Profile> rows) => Descending ? rows.OrderByDescending(p => p.Id) : rows.OrderBy(p => p.Id);
}
