namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// Non-negative arithmetic that stops at <see cref="Max"/> instead of overflowing: a document of
/// fragments spread twice per level reaches 2^30 in thirty lines, and its count must stay a
/// number above every limit rather than wrap below one.
/// </summary>
internal static class Saturating
{
    /// <summary>The ceiling; above every configurable limit.</summary>
    public const long Max = int.MaxValue;

    /// <summary>Both operands are at most <see cref="Max"/>, so the long sum cannot overflow.</summary>
    public static long Add(long a, long b) => Math.Min(Max, a + b);

    /// <summary>Both operands are at most <see cref="Max"/>, so the long product cannot overflow.</summary>
    public static long Multiply(long a, long b) => Math.Min(Max, a * b);
}
