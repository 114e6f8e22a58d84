using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary>
/// Core's public types as built, and the Core types each one's public constructors take. Dependency
/// injection activates a service only through a public constructor, so a service a host resolves
/// keeps its dependencies public.
/// </summary>
internal sealed class CorePublicSurface
{
    private CorePublicSurface(Dictionary<string, HashSet<string>> constructorDependencies) => ConstructorDependencies = constructorDependencies;

    /// <summary>Each top-level public type (a nested type is reachable only through its declaring type), with the Core types its public constructors take.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> ConstructorDependencies { get; }

    public IEnumerable<string> Types => ConstructorDependencies.Keys;

    public static CorePublicSurface Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new CoreTypesProvider();
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in reader.TypeDefinitions.Select(reader.GetTypeDefinition).Where(type => (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public))
        {
            var publicConstructors = type.GetMethods()
                .Select(reader.GetMethodDefinition)
                .Where(method => reader.GetString(method.Name) == ".ctor" && (method.Attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public);
            types[CoreTypesProvider.FullName(reader, type)] = publicConstructors
                .SelectMany(constructor => constructor.DecodeSignature(provider, genericContext: null).ParameterTypes.SelectMany(names => names))
                .ToHashSet(StringComparer.Ordinal);
        }

        return new CorePublicSurface(types);
    }

    /// <summary>The Core types a signature names (generic arguments included), each as its outermost declaring type.</summary>
    private sealed class CoreTypesProvider : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        public static string FullName(MetadataReader reader, TypeDefinition type)
        {
            while (type.GetDeclaringType() is { IsNil: false } declaring)
            {
                type = reader.GetTypeDefinition(declaring);
            }

            return $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";
        }

        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [FullName(reader, reader.GetTypeDefinition(handle))];

        public ImmutableArray<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];

        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(names => names)];

        public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) => [];

        public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => [];

        public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => [];

        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    }
}
