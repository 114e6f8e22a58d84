namespace CloudjetGraph.Core.Data;

/// <summary>
/// Marks an entity configuration as part of the profile database: <see cref="CloudjetDbContext"/>
/// applies every configuration in Core that carries it, and no other. The key store shares
/// <c>StorePairing</c>'s configuration by applying it itself, so neither model takes the other's tables.
/// Each configuration names its table: the names are stored (they were the context's set properties
/// before the entities moved to their features) and must not follow a type's name.
/// </summary>
internal interface IProfileDatabaseConfiguration;
