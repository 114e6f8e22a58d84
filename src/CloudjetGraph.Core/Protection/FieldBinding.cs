using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Where a sealed value belongs. It is authenticated as associated data, so a ciphertext copied
/// to another row or column fails to open. Table and column are fixed stored names (e.g.
/// <c>profiles</c>, <c>fullName</c>), never derived from C# identifiers.
/// </summary>
/// <param name="Table">Stored table name.</param>
/// <param name="Column">Stored column name.</param>
/// <param name="RowId">The row's identifier.</param>
internal readonly record struct FieldBinding(string Table, string Column, Guid RowId)
{
    // A fixed string that reaches stored bytes: never rename it.
    internal const string AssociatedDataPrefix = "cloudjet/field";

    /// <summary>Room that every binding's associated data fits in: the names are short fixed strings.</summary>
    internal const int MaxAssociatedDataOnStack = 256;

    /// <summary><c>cloudjet/field|v{version}|{table}|{column}|{row id as 32 hex digits}</c>.</summary>
    internal byte[] ToAssociatedData(byte formatVersion)
    {
        Span<byte> buffer = stackalloc byte[MaxAssociatedDataOnStack];
        return TryWriteAssociatedData(formatVersion, buffer, out var written)
            ? buffer[..written].ToArray()
            : Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{AssociatedDataPrefix}|v{formatVersion}|{Table}|{Column}|{RowId:N}"));
    }

    /// <summary>
    /// Writes the same bytes as <see cref="ToAssociatedData"/> into <paramref name="destination"/>
    /// without allocating, so opening a field costs no garbage for them; false when they do not fit.
    /// </summary>
    internal bool TryWriteAssociatedData(byte formatVersion, Span<byte> destination, out int written) =>
        Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"{AssociatedDataPrefix}|v{formatVersion}|{Table}|{Column}|{RowId:N}", out written);
}
