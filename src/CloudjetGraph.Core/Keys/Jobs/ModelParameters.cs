using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>Parameters of the key jobs' prepared statements, typed and converted as EF's model maps each property.</summary>
internal static class ModelParameters
{
    /// <summary>Adds a parameter for <paramref name="property"/> to <paramref name="command"/>.</summary>
    public static (IProperty Property, DbParameter Parameter) Add(DbCommand command, IProperty property, string name)
    {
        var parameter = property.GetRelationalTypeMapping().CreateParameter(command, name, null, property.IsNullable);
        command.Parameters.Add(parameter);
        return (property, parameter);
    }

    /// <summary>Sets the column's parameter to its property's value on <paramref name="row"/>, as the provider stores it.</summary>
    public static void Set(this (IProperty Property, DbParameter Parameter) column, object row) =>
        column.Parameter.Value = ProviderValue(column.Property, column.Property.GetGetter().GetClrValue(row));

    /// <summary>The column name, quoted, of <paramref name="property"/> in <paramref name="table"/>.</summary>
    public static string QuotedColumn(IProperty property, StoreObjectIdentifier table) => $"\"{property.GetColumnName(table)}\"";

    private static object ProviderValue(IProperty property, object? value) =>
        (value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
}
