namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>Another runner holds the key job lease (or took it over after this one's expired).</summary>
internal sealed class KeyJobLeaseHeldException(string holder, string? kind, string? scope, DateTimeOffset expiresAt)
    : Exception($"Another runner holds the key job lease: {holder} ({kind} {scope}), until {expiresAt:O} unless it renews it; try again after that.");
