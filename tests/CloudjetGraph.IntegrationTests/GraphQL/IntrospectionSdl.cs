using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CloudjetGraph.IntegrationTests.GraphQL;

/// <summary>
/// What a client builds from an introspection answer (graphql-js's <c>buildClientSchema</c> then
/// <c>printSchema</c>), written as SDL, and a normal form in which two SDL texts of the same schema
/// compare equal. GraphQL.NET has no such printer, and the tests must not need Node.
/// </summary>
public static class IntrospectionSdl
{
    // Left out of a printed schema as graphql-js does: every server has them.
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];
    private static readonly HashSet<string> BuiltInDirectives = ["skip", "include", "deprecated", "specifiedBy", "oneOf"];

    // The only applied directives introspection carries (as isDeprecated, specifiedByURL, isOneOf).
    private static readonly HashSet<string> IntrospectableUsages = ["deprecated", "specifiedBy", "oneOf"];

    private static readonly JsonSerializerOptions StringLiteral = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The SDL of the <c>__schema</c> object of an introspection answer.</summary>
    public static string FromIntrospection(JsonNode schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var sdl = new StringBuilder();
        Description(sdl, schema["description"], "");
        sdl.Append("schema {\n");
        foreach (var operation in new[] { "query", "mutation", "subscription" })
        {
            if (schema[$"{operation}Type"]?["name"]?.GetValue<string>() is { } root)
            {
                sdl.Append(CultureInfo.InvariantCulture, $"  {operation}: {root}\n");
            }
        }

        sdl.Append("}\n\n");
        foreach (var directive in schema["directives"]!.AsArray().Where(d => !BuiltInDirectives.Contains(Name(d))))
        {
            Description(sdl, directive!["description"], "");
            sdl.Append(CultureInfo.InvariantCulture, $"directive @{Name(directive)}{Arguments(directive["args"])}");
            sdl.Append(directive["isRepeatable"]?.GetValue<bool>() == true ? " repeatable" : "");
            sdl.Append(CultureInfo.InvariantCulture, $" on {string.Join(" | ", directive["locations"]!.AsArray().Select(l => l!.GetValue<string>()))}\n\n");
        }

        foreach (var type in schema["types"]!.AsArray().Where(t => !Name(t).StartsWith("__", StringComparison.Ordinal) && !BuiltInScalars.Contains(Name(t))))
        {
            Description(sdl, type!["description"], "");
            sdl.Append(Type(type));
            sdl.Append("\n\n");
        }

        return sdl.ToString();
    }

    /// <summary>
    /// <paramref name="sdl"/> parsed and printed again, with the definitions sorted by name and
    /// without applied directives that introspection cannot carry (such as <c>@access</c> on a field).
    /// </summary>
    public static string Normalize(string sdl)
    {
        var document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        new UsageFilter().VisitAsync(document, default).AsTask().GetAwaiter().GetResult();
        document.Definitions = [.. document.Definitions.OrderBy(d => d is INamedNode named ? $"{d.Kind}:{named.Name.StringValue}" : $"{d.Kind}:")];
        return new SDLPrinter().Print(document);
    }

    private static string Type(JsonNode type)
    {
        var name = Name(type);
        return type["kind"]!.GetValue<string>() switch
        {
            "SCALAR" => $"scalar {name}" + (type["specifiedByURL"]?.GetValue<string>() is { } url ? $" @specifiedBy(url: {Literal(url)})" : ""),
            "OBJECT" => $"type {name}{Implements(type)} {{\n{Fields(type)}}}",
            "INTERFACE" => $"interface {name}{Implements(type)} {{\n{Fields(type)}}}",
            "UNION" => $"union {name} = {string.Join(" | ", type["possibleTypes"]!.AsArray().Select(Name))}",
            "ENUM" => $"enum {name} {{\n{EnumValues(type)}}}",
            "INPUT_OBJECT" => $"input {name}" + (type["isOneOf"]?.GetValue<bool>() == true ? " @oneOf" : "") + $" {{\n{InputFields(type)}}}",
            var kind => throw new InvalidOperationException($"Unknown type kind {kind}."),
        };
    }

    private static string Implements(JsonNode type) =>
        type["interfaces"] is JsonArray { Count: > 0 } interfaces ? " implements " + string.Join(" & ", interfaces.Select(Name)) : "";

    private static string Fields(JsonNode type)
    {
        var sdl = new StringBuilder();
        foreach (var field in type["fields"]!.AsArray())
        {
            Description(sdl, field!["description"], "  ");
            sdl.Append(CultureInfo.InvariantCulture, $"  {Name(field)}{Arguments(field["args"])}: {TypeReference(field["type"]!)}{Deprecation(field)}\n");
        }

        return sdl.ToString();
    }

    private static string InputFields(JsonNode type)
    {
        var sdl = new StringBuilder();
        foreach (var field in type["inputFields"]!.AsArray())
        {
            Description(sdl, field!["description"], "  ");
            sdl.Append(CultureInfo.InvariantCulture, $"  {InputValue(field)}\n");
        }

        return sdl.ToString();
    }

    private static string EnumValues(JsonNode type)
    {
        var sdl = new StringBuilder();
        foreach (var value in type["enumValues"]!.AsArray())
        {
            Description(sdl, value!["description"], "  ");
            sdl.Append(CultureInfo.InvariantCulture, $"  {Name(value)}{Deprecation(value)}\n");
        }

        return sdl.ToString();
    }

    private static string Arguments(JsonNode? args)
    {
        if (args is not JsonArray { Count: > 0 } list)
        {
            return "";
        }

        var sdl = new StringBuilder("(\n");
        foreach (var arg in list)
        {
            Description(sdl, arg!["description"], "  ");
            sdl.Append(CultureInfo.InvariantCulture, $"  {InputValue(arg)}\n");
        }

        return sdl.Append(')').ToString();
    }

    private static string InputValue(JsonNode value) =>
        $"{Name(value)}: {TypeReference(value["type"]!)}"
        + (value["defaultValue"]?.GetValue<string>() is { } defaultValue ? $" = {defaultValue}" : "")
        + Deprecation(value);

    private static string TypeReference(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => TypeReference(type["ofType"]!) + "!",
        "LIST" => $"[{TypeReference(type["ofType"]!)}]",
        _ => Name(type),
    };

    private static string Deprecation(JsonNode element) =>
        element["isDeprecated"]?.GetValue<bool>() == true
            ? element["deprecationReason"]?.GetValue<string>() is { } reason ? $" @deprecated(reason: {Literal(reason)})" : " @deprecated"
            : "";

    private static void Description(StringBuilder sdl, JsonNode? description, string indent)
    {
        if (description?.GetValue<string>() is { } text)
        {
            sdl.Append(CultureInfo.InvariantCulture, $"{indent}{Literal(text)}\n");
        }
    }

    // A JSON string is a valid GraphQL string literal: the same quotes and escapes.
    private static string Literal(string text) => JsonSerializer.Serialize(text, StringLiteral);

    private static string Name(JsonNode? node) => node!["name"]!.GetValue<string>();

    /// <summary>Removes applied directives that introspection has no place for.</summary>
    private sealed class UsageFilter : ASTVisitor<NullVisitorContext>
    {
        public override ValueTask VisitAsync(ASTNode? node, NullVisitorContext context)
        {
            if (node is IHasDirectivesNode { Directives: { } directives } owner)
            {
                var kept = directives.Items.Where(d => IntrospectableUsages.Contains(d.Name.StringValue)).ToList();
                owner.Directives = kept.Count > 0 ? new GraphQLDirectives(kept) : null;
            }

            return base.VisitAsync(node, context);
        }
    }
}
