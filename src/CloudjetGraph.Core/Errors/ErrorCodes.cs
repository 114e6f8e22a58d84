namespace CloudjetGraph.Core.Errors;

/// <summary>The stable <c>extensions.code</c> values clients code against.</summary>
public static class ErrorCodes
{
    /// <summary>No valid token, and the operation needs one.</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The caller's role may not do this.</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>
    /// A bearer token was sent but refused (bad signature, expired, wrong audience or issuer, or
    /// claims that do not name exactly one known role): HTTP 401 with
    /// <c>WWW-Authenticate: Bearer error="invalid_token"</c>.
    /// </summary>
    public const string InvalidToken = "AUTH_INVALID_TOKEN";

    /// <summary>Login failed; the same answer for an unknown email and a wrong password.</summary>
    public const string InvalidCredentials = "AUTH_INVALID_CREDENTIALS";

    /// <summary>An input value is missing or malformed.</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The thing named does not exist (or is not visible to the caller).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Explicit consent to the current policy version is missing.</summary>
    public const string ConsentRequired = "CONSENT_REQUIRED";

    /// <summary>
    /// The person restricted the processing of their data (or staff did on their request): a staff
    /// read of a personal field of that profile is null with this code at its path, and nothing of
    /// the profile is decrypted. Ids and non-personal fields still resolve.
    /// </summary>
    public const string ProcessingRestricted = "PROCESSING_RESTRICTED";

    /// <summary>The change collides with existing data or a concurrent edit.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>A stored value, or the access tag of its profile, failed its integrity check and was not returned.</summary>
    public const string DataIntegrity = "DATA_INTEGRITY";

    /// <summary>
    /// Too many attempts from this client address, for this account, or too many personal records
    /// for this caller in the current window; the HTTP <c>Retry-After</c> header says when to retry.
    /// </summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>
    /// The invitation code is unknown, used, expired or bound to another email; one answer for all,
    /// so that a guess learns nothing.
    /// </summary>
    public const string InvitationInvalid = "INVITATION_INVALID";

    /// <summary>A request holds more than one <c>login</c>, <c>signUp</c>, <c>changeMyPassword</c>, <c>deleteMyAccount</c> or <c>withdrawConsent</c> (aliases and fragments count); none of them ran.</summary>
    public const string TooManyAccountOperations = "TOO_MANY_ACCOUNT_OPERATIONS";

    /// <summary>The request is not well-formed GraphQL over HTTP.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The GraphQL document does not parse.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The GraphQL document does not validate against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>
    /// The document asks for more than a limit allows (depth, cost, aliases, root fields, fragment
    /// spreads, length), or the response holds more errors than it may; <c>extensions.limit</c>
    /// names the limit and <c>extensions.maximum</c> gives its value.
    /// </summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>The document introspects the schema (<c>__schema</c>, <c>__type</c>) where introspection is turned off.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    /// <summary>The request ran past its time limit and its work was stopped.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>
    /// A key custodian named a key that does not exist (an unknown or malformed id); nothing changed.
    /// </summary>
    public const string KeyNotFound = "KEY_NOT_FOUND";

    /// <summary>
    /// The key still protects something the census counts (data keys under a ring key; person
    /// keys, index entries, access tags or unexpired tokens under a data key), so revoking or
    /// destroying it would make them unreadable, or stored values name no known key and might be
    /// under it; nothing changed. Move what it protects first (a ring key's revocation may be forced).
    /// </summary>
    public const string KeyInUse = "KEY_IN_USE";

    /// <summary>
    /// A value is under a data key that a custodian disabled (or scheduled for destruction), so it
    /// is not opened: the field is null with this code at its path, and the attempt is recorded.
    /// Enabling the key restores it unchanged.
    /// </summary>
    public const string KeyDisabled = "KEY_DISABLED";

    /// <summary>
    /// The data key's state does not allow this step (disabling the active key, enabling a destroyed
    /// one, scheduling a key that is not disabled, destroying one that is not scheduled...); nothing changed.
    /// </summary>
    public const string KeyTransitionRefused = "KEY_TRANSITION_REFUSED";

    /// <summary>The data key is scheduled for destruction but its waiting period has not ended; nothing changed.</summary>
    public const string KeyDestructionTooEarly = "KEY_DESTRUCTION_TOO_EARLY";

    /// <summary>
    /// Something tried to open a value under the data key after it was scheduled for destruction, so
    /// it is not destroyed: find what still needs it; nothing changed.
    /// </summary>
    public const string KeyUsedWhileScheduled = "KEY_USED_WHILE_SCHEDULED";

    /// <summary>
    /// The key ring or the data keys cannot serve the custodian operation (a development ring
    /// outside Development, an unreadable ring, a process whose ring does not yet protect with
    /// the default key); the message says which, and nothing changed.
    /// </summary>
    public const string KeyRingUnavailable = "KEY_RING_UNAVAILABLE";

    /// <summary>
    /// Another runner (the custodian tool, or a gateway) holds the key job lease, so a key job
    /// cannot start now; the message names the holder and when its lease expires. Nothing changed.
    /// </summary>
    public const string KeyJobRunning = "KEY_JOB_RUNNING";

    /// <summary>
    /// The audit trail could not be written, so the response carries no data (a release of personal
    /// fields is sent only after its audit entry is durable); the request may be retried.
    /// </summary>
    public const string AuditUnavailable = "AUDIT_UNAVAILABLE";

    /// <summary>
    /// The request's <c>documentId</c> names no document of the gateway's trusted-document manifest
    /// (or trusted documents are off); nothing ran.
    /// </summary>
    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";

    /// <summary>
    /// The request sent a document in full where the gateway runs trusted documents only
    /// (<c>GraphQL:TrustedDocuments:Mode</c> <c>Require</c>, and a role not in <c>AllowAdHocFor</c>);
    /// the document was not parsed and nothing ran. Send its <c>documentId</c> instead.
    /// </summary>
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";

    /// <summary>Something failed inside the gateway; details are only in the server log.</summary>
    public const string Internal = "INTERNAL_SERVER_ERROR";
}
