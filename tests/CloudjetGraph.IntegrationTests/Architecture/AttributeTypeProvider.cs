using System.Reflection.Metadata;

namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary>
/// Names the types met while decoding an attribute's arguments, each as an assembly-qualified name
/// so that an enum argument's underlying type can be found by loading the enum.
/// </summary>
internal sealed class AttributeTypeProvider(MetadataReader host) : ICustomAttributeTypeProvider<string>
{
    private const string SystemType = "System.Type";

    private readonly string _hostAssembly = host.GetString(host.GetAssemblyDefinition().Name);

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetSystemType() => SystemType;

    /// <summary>Whether an argument of this type holds a type's name (<c>typeof</c>), however its type was written.</summary>
    public static bool IsTypeOfType(string type) => type == SystemType || type.StartsWith(SystemType + ",", StringComparison.Ordinal);

    public bool IsSystemType(string type) => IsTypeOfType(type);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetTypeFromSerializedName(string name) => name;

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        for (var declaring = type.GetDeclaringType(); !declaring.IsNil; declaring = reader.GetTypeDefinition(declaring).GetDeclaringType())
        {
            type = reader.GetTypeDefinition(declaring);
            name = $"{reader.GetString(type.Name)}+{name}";
        }

        return $"{reader.GetString(type.Namespace)}.{name}, {_hostAssembly}";
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            name = $"{reader.GetString(type.Name)}+{name}";
        }

        var fullName = $"{reader.GetString(type.Namespace)}.{name}";
        return type.ResolutionScope.Kind == HandleKind.AssemblyReference
            ? $"{fullName}, {reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)}"
            : fullName;
    }

    public PrimitiveTypeCode GetUnderlyingEnumType(string type)
    {
        var enumType = Type.GetType(type, throwOnError: true)!;
        return Type.GetTypeCode(Enum.GetUnderlyingType(enumType)) switch
        {
            TypeCode.SByte => PrimitiveTypeCode.SByte,
            TypeCode.Byte => PrimitiveTypeCode.Byte,
            TypeCode.Int16 => PrimitiveTypeCode.Int16,
            TypeCode.UInt16 => PrimitiveTypeCode.UInt16,
            TypeCode.UInt32 => PrimitiveTypeCode.UInt32,
            TypeCode.Int64 => PrimitiveTypeCode.Int64,
            TypeCode.UInt64 => PrimitiveTypeCode.UInt64,
            _ => PrimitiveTypeCode.Int32,
        };
    }
}
