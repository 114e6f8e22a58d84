using System.Security.Claims;
using CloudjetGraph.Api.Authentication;
using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>
/// Decides which document a request runs, before anything parses it: the trusted document its
/// <c>documentId</c> names, or the document it sent in full when the mode and the caller's role allow that.
/// </summary>
internal sealed class TrustedDocumentResolver(TrustedDocumentStore store, IOptions<TrustedDocumentsOptions> options, FieldMatrix roles)
{
    /// <summary>The document to run, or the refusal to answer instead.</summary>
    /// <remarks>The request reader has checked that exactly one of <c>query</c> and a well-formed <c>documentId</c> is given.</remarks>
    public (string? Document, RefusedOperationError? Refusal) Resolve(GraphQLRequest request, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DocumentId is { } documentId)
        {
            return store.Find(DocumentId.DigestOf(documentId)!) is { } trusted
                ? (trusted, null)
                : (null, new RefusedOperationError(ErrorCodes.PersistedDocumentNotFound, "No trusted document has this documentId; send an id from the gateway's current manifest."));
        }

        var role = TokenClaims.TryRead(user, roles, out var signedIn, out _) ? signedIn : Role.Anonymous;
        return MaySendDocuments(options.Value.Mode!.Value, options.Value.AllowAdHocFor, role)
            ? (request.Query, null)
            : (null, new RefusedOperationError(ErrorCodes.TrustedDocumentRequired, "This gateway runs trusted documents only: send the documentId of a document from its manifest instead of the document."));
    }

    /// <summary>Whether a caller of <paramref name="role"/> may send a document in full: always, except under <c>Require</c> to roles not allowed it.</summary>
    public static bool MaySendDocuments(TrustedDocumentMode mode, IEnumerable<string> allowAdHocFor, Role role) =>
        mode != TrustedDocumentMode.Require
        || (role != Role.Anonymous && allowAdHocFor.Contains(role.Name, StringComparer.Ordinal));
}
