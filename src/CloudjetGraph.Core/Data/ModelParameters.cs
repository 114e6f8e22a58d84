using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Data;

/// <summary>
/// Parameters of hand-written commands typed and converted from the EF model, so the bytes stored are
/// the ones EF Core's own commands would store, on either provider.
/// </summary>
internal static class ModelParameters
{
    /// <summary>Adds a parameter for <paramref name="property"/>, its value set later by <see cref="Set"/>.</summary>
    public static DbParameter Add(DbCommand command, IProperty property, string name)
    {
        var parameter = property.GetRelationalTypeMapping().CreateParameter(command, name, null, property.IsNullable);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Sets <paramref name="parameter"/> to <paramref name="row"/>'s value of <paramref name="property"/>, its value converter applied.</summary>
    public static void Set(DbParameter parameter, IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        parameter.Value = (value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }
}
