using System.Text;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Where a sealed value belongs. It is authenticated as associated data, so a ciphertext copied
/// to another row or column fails to open.
/// </summary>
/// <param name="Table">Logical table name.</param>
/// <param name="Column">Logical column name.</param>
/// <param name="RowId">The row's identifier.</param>
public readonly record struct FieldBinding(string Table, string Column, Guid RowId)
{
    internal byte[] ToAssociatedData(byte formatVersion) =>
        Encoding.UTF8.GetBytes($"cloudjet|v{formatVersion}|{Table}|{Column}|{RowId:N}");
}
