using System.Text;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Where a sealed value belongs. It is authenticated as associated data, so a ciphertext copied
/// to another row or column fails to open. Table and column are fixed stored names (e.g.
/// <c>profiles</c>, <c>fullName</c>), never derived from C# identifiers.
/// </summary>
/// <param name="Table">Stored table name.</param>
/// <param name="Column">Stored column name.</param>
/// <param name="RowId">The row's identifier.</param>
public readonly record struct FieldBinding(string Table, string Column, Guid RowId)
{
    // A fixed string that reaches stored bytes: never rename it.
    internal const string AssociatedDataPrefix = "cloudjet/field";

    /// <summary><c>cloudjet/field|v{version}|{table}|{column}|{row id as 32 hex digits}</c>.</summary>
    internal byte[] ToAssociatedData(byte formatVersion) =>
        Encoding.UTF8.GetBytes($"{AssociatedDataPrefix}|v{formatVersion}|{Table}|{Column}|{RowId:N}");
}
