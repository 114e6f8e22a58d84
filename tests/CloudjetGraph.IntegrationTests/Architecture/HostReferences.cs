using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary>
/// The types of one assembly that a host's compiled code names, read from the host's metadata:
/// every type it uses or whose members it calls (the TypeReference table, which the signatures of
/// called members land in too) and every type written in an attribute (<c>typeof</c> in
/// <c>[DbContext(typeof(...))]</c> is stored as a name, not as a reference). A nested type counts as
/// its outermost declaring type.
/// </summary>
internal static class HostReferences
{
    public static IReadOnlySet<string> To(string assemblyName, string hostPath) =>
        Read(hostPath, reader => TypeReferences(reader, assemblyName).Concat(AttributeTypeNames(reader, assemblyName)));

    /// <summary>Only the types written in the host's attributes.</summary>
    public static IReadOnlySet<string> InAttributes(string assemblyName, string hostPath) =>
        Read(hostPath, reader => AttributeTypeNames(reader, assemblyName));

    private static HashSet<string> Read(string hostPath, Func<MetadataReader, IEnumerable<string>> names)
    {
        using var stream = File.OpenRead(hostPath);
        using var pe = new PEReader(stream);
        return names(pe.GetMetadataReader()).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> TypeReferences(MetadataReader reader, string assemblyName)
    {
        foreach (var handle in reader.TypeReferences)
        {
            var (outermost, scope) = Outermost(reader, handle);
            if (scope.Kind == HandleKind.AssemblyReference && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == assemblyName)
            {
                yield return FullName(reader, outermost);
            }
        }
    }

    private static (TypeReference Outermost, EntityHandle Scope) Outermost(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        }

        return (type, type.ResolutionScope);
    }

    private static string FullName(MetadataReader reader, TypeReference type) =>
        $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";

    private static IEnumerable<string> AttributeTypeNames(MetadataReader reader, string assemblyName)
    {
        var provider = new AttributeTypeProvider(reader);
        foreach (var handle in reader.CustomAttributes)
        {
            var value = reader.GetCustomAttribute(handle).DecodeValue(provider);
            var arguments = value.FixedArguments.Concat(value.NamedArguments.Select(named => new CustomAttributeTypedArgument<string>(named.Type, named.Value)));
            foreach (var serializedName in arguments.SelectMany(TypeNamesIn))
            {
                // "Namespace.Outer+Nested, Assembly, Version=..., ...": only types of the wanted assembly.
                var parts = serializedName.Split(',', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && new AssemblyName(parts[1]).Name == assemblyName)
                {
                    yield return parts[0].Split('+')[0];
                }
            }
        }
    }

    private static IEnumerable<string> TypeNamesIn(CustomAttributeTypedArgument<string> argument) => argument.Value switch
    {
        string name when AttributeTypeProvider.IsTypeOfType(argument.Type) => [name],
        ImmutableArray<CustomAttributeTypedArgument<string>> elements => elements.SelectMany(TypeNamesIn),
        _ => [],
    };
}
