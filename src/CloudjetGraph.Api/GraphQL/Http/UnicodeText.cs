using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CloudjetGraph.Api.GraphQL.Http;

/// <summary>
/// Finds strings that are not Unicode text: a lone UTF-16 surrogate, which a JSON or GraphQL
/// <c>\u</c> escape can write but no name, email or reference can hold. Such a request is the
/// client's mistake and is refused before anything runs, instead of failing in whatever code
/// first normalises, hashes or encodes the string.
/// </summary>
internal static class UnicodeText
{
    public const string Refusal = "A string in the request is not valid Unicode: it holds a lone surrogate.";

    /// <summary>
    /// Whether every string value in the JSON is valid Unicode. Property names need no check here:
    /// the request reader's parser reads each one (it refuses duplicates) and refuses them itself.
    /// </summary>
    public static bool IsValid(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!IsValid(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValid(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>Whether every string literal of the document is valid Unicode.</summary>
    public static async ValueTask<bool> IsValidAsync(GraphQLDocument document, CancellationToken cancellationToken)
    {
        var context = new StringLiterals.Context(cancellationToken);
        await new StringLiterals().VisitAsync(document, context);
        return !context.FoundInvalid;
    }

    private static bool IsValid(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }

    // The parser has already checked the UTF-8, so only a \u escape can write a lone surrogate:
    // strings without one are not decoded (no string is made). The reader refuses to turn an
    // escaped lone surrogate into a string; nothing else makes it throw here.
    private static bool Decodes(JsonElement value)
    {
        if (JsonMarshal.GetRawUtf8Value(value).IndexOf("\\u"u8) < 0)
        {
            return true;
        }

        try
        {
            return IsValid(value.GetString().AsSpan());
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class StringLiterals : ASTVisitor<StringLiterals.Context>
    {
        protected override ValueTask VisitStringValueAsync(GraphQLStringValue stringValue, Context context)
        {
            context.FoundInvalid |= !IsValid(stringValue.Value.Span);
            return ValueTask.CompletedTask;
        }

        public sealed class Context(CancellationToken cancellationToken) : IASTVisitorContext
        {
            public CancellationToken CancellationToken { get; } = cancellationToken;

            public bool FoundInvalid { get; set; }
        }
    }
}
