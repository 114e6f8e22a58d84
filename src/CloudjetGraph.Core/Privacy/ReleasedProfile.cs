using System.Text.Json.Nodes;

namespace CloudjetGraph.Core.Privacy;

/// <summary>A profile as one JSON object, holding exactly the fields released to the caller.</summary>
/// <param name="Document">The fields by schema name, in schema order.</param>
/// <param name="Fields">The schema names of the released fields, for the record.</param>
internal sealed record ReleasedProfile(JsonObject Document, IReadOnlyList<string> Fields);
