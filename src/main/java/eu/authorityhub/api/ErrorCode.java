package eu.authorityhub.api;

/**
 * Every machine-readable error code the hub answers with, in one place. Clients switch on {@code code}; titles are for
 * people. Codes are stable: never renamed, never reused. docs/errors.md lists them.
 */
public enum ErrorCode {

    // 400
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    INVALID_FIELD_TYPE(400, "A field has the wrong type"),
    UNKNOWN_ENUM_VALUE(400, "A field has a value outside its allowed set"),
    UNKNOWN_FIELD(400, "The request body has a field this endpoint does not know"),
    DUPLICATE_FIELD(400, "The request body has the same field twice"),
    VALIDATION_FAILED(400, "The request is not valid"),
    BAD_REQUEST(400, "The request cannot be read"),
    INVALID_PARAMETER(400, "A path or query parameter has a value of the wrong form"),
    UNKNOWN_QUESTION(400, "A question code is not in the catalogue"),
    INVALID_ANSWER(400, "An answer does not fit its question's answer type"),
    DUE_DATE_IN_PAST(400, "The due date is not in the future"),
    SELF_ADDRESSED(400, "A request cannot be addressed to the caller's own authority"),
    RESPONDER_NOT_COMPETENT(400, "The addressed authority is not competent for this profession"),
    AUTHORITY_INACTIVE(400, "The addressed authority is unknown or inactive"),
    PROFESSION_NOT_ALERT_ELIGIBLE(400, "Alerts exist for health professions and the education of minors only"),
    ISSUER_NOT_COMPETENT(400, "The caller's authority does not send alerts for this profession"),
    PERIOD_INVALID(400, "The period ends before it starts"),
    REASONS_NOT_ALLOWED(400, "An alert states no reasons; use an information request for more"),
    UNSUPPORTED_CHARACTER(400, "The request contains a character that cannot be stored (such as NUL)"),
    WEBHOOK_URL_INVALID(400, "The endpoint URL is not an absolute http(s) URL with a host"),
    WEBHOOK_HTTPS_REQUIRED(400, "Webhook endpoints must use https"),
    WEBHOOK_ADDRESS_REFUSED(400, "The endpoint resolves to an address the hub does not call"),
    UNKNOWN_EVENT_TYPE(400, "An event-type filter matches no event type the hub publishes"),
    TEMPLATE_INVALID(400, "The transformation template does not compile"),
    // 401, 403, 404
    UNAUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "The caller may not do this"),
    NOT_ACTING_FOR_AUTHORITY(403, "The caller's token names no active authority of the directory"),
    WRONG_PARTY(403, "The other party of the request takes this step"),
    PERSONAL_DATA_BLOCKED(403,
            "The case's personal data are blocked (IMI Regulation Art. 14); only its skeleton is shown"),
    NOT_FOUND(404, "No such resource"),
    // 405, 406, 409, 413, 415, 429
    METHOD_NOT_ALLOWED(405, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "The requested media type cannot be produced"),
    CONFLICT(409, "The request conflicts with the current state"),
    CONCURRENT_MODIFICATION(409, "Someone else changed this resource at the same time, reload and retry"),
    AUTHORITY_CODE_TAKEN(409, "An authority with this code already exists"),
    ILLEGAL_TRANSITION(409, "This step is not possible in the request's current state"),
    REQUEST_INCOMPLETE(409, "Every question must be answered before the answer is sent"),
    DUPLICATE_ALERT(409, "An active alert for this professional, profession and decision exists; update it"),
    ALERT_NOT_ACTIVE(409, "The alert was withdrawn or has expired"),
    WEBHOOK_NOT_ACTIVE(409, "The webhook subscription is disabled or deleted"),
    CASE_STILL_OPEN(409, "The case is still open; its personal data are needed for the exchange"),
    PERSONAL_DATA_NOT_BLOCKED(409, "The case's personal data are not blocked"),
    ALREADY_UNBLOCKED(409, "The case's personal data are already unblocked for the caller's authority"),
    PERSONAL_DATA_ALREADY_DELETED(409, "The case's personal data are already deleted"),
    PERSONAL_DATA_DELETED(410, "The case's personal data were deleted; the SHA-256 of attachments stays as proof"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    TOO_MANY_ITEMS(413, "The bulk body has more items than one call takes"),
    URI_TOO_LONG(414, "The request URI is too long"),
    ATTACHMENT_TYPE_REFUSED(415, "Attachments must be PDF, PNG or JPEG"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used for a different request"),
    IDEMPOTENCY_KEY_REPEATED(422, "The Idempotency-Key is already used by an earlier item of the same bulk body"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body has a media type this endpoint does not accept"),
    RATE_LIMITED(429, "Too many requests, slow down"),
    // 5xx
    INTERNAL_ERROR(500, "An unexpected error occurred"),
    DATABASE_UNAVAILABLE(503, "The database is unavailable, retry later"),
    MESSAGING_UNAVAILABLE(503, "The message broker is unavailable, retry later"),
    IDENTITY_PROVIDER_UNAVAILABLE(503, "The identity provider is unavailable, retry later"),
    SERVICE_UNAVAILABLE(503, "The service is unavailable, retry later");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem {@code type} URI: a stable name that docs/errors.md explains. */
    public String type() {
        return "https://authorityhub.eu/problems/" + name().toLowerCase().replace('_', '-');
    }
}
