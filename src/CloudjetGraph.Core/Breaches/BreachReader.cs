namespace CloudjetGraph.Core.Breaches;

/// <summary>One staff member's reads of a profile in a breach report's window.</summary>
/// <param name="Subject">The staff token subject.</param>
/// <param name="Role">Their role.</param>
/// <param name="Fields">Every field they were given, in ordinal order.</param>
/// <param name="Reads">How many requests released fields of the profile to them.</param>
/// <param name="FirstAt">The first such read in the window.</param>
/// <param name="LastAt">The last.</param>
public sealed record BreachReader(string Subject, string Role, IReadOnlyList<string> Fields, int Reads, DateTimeOffset FirstAt, DateTimeOffset LastAt);
