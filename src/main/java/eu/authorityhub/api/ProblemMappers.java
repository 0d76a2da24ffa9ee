package eu.authorityhub.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into RFC 9457 problem+json with a stable code. Nothing about the server (class names, stack
 * traces, SQL) reaches the client; unexpected failures get an incident id that is also in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response hub(HubException e, UriInfo uri) {
        Response.ResponseBuilder b = builder(Problem.of(e.code(), e.getMessage()).withErrors(e.errors()), uri);
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response malformed(StreamReadException e, UriInfo uri) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (msg.startsWith("Duplicate field")) {
            return respond(ErrorCode.DUPLICATE_FIELD, msg, uri);
        }
        return respond(ErrorCode.MALFORMED_JSON, "The body could not be parsed as JSON near line "
                + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()), uri);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(ErrorCode.UNKNOWN_FIELD, "Unknown field '" + e.getPropertyName() + "'", uri, path(e));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object c : target.getEnumConstants()) {
                allowed.add(((Enum<?>) c).name());
            }
            return respond(ErrorCode.UNKNOWN_ENUM_VALUE, "Allowed values: " + String.join(", ", allowed), uri,
                    path(e));
        }
        return respond(ErrorCode.INVALID_FIELD_TYPE, "Expected " + describe(target), uri, path(e));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return respond(ErrorCode.MALFORMED_JSON, "The body has content after the JSON document", uri);
        }
        return respond(ErrorCode.INVALID_FIELD_TYPE, "Expected " + describe(e.getTargetType()), uri, path(e));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof java.io.CharConversionException || e.getCause() instanceof StreamReadException) {
            return respond(ErrorCode.MALFORMED_JSON, "The body is not well-formed UTF-8 JSON", uri);
        }
        return respond(ErrorCode.BAD_REQUEST, "The body does not match the expected structure", uri, path(e));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return builder(Problem.of(ErrorCode.VALIDATION_FAILED, errors.size() + " invalid field(s)").withErrors(errors),
                uri).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return builder(Problem.of(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return builder(Problem.of(ErrorCode.UNAUTHENTICATED, "The bearer token is not valid"), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e, UriInfo uri) {
        return builder(Problem.of(ErrorCode.UNAUTHENTICATED, "Authentication could not be completed"), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ErrorCode.FORBIDDEN, "The caller's roles do not allow this", uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(ErrorCode.CONCURRENT_MODIFICATION, "The resource changed while this request was handled",
                uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
        Throwable cause = e.getCause();
        if (cause != null && !(cause instanceof WebApplicationException)) {
            // the JSON reader wraps parse and binding failures in a 400; answer for the real cause
            return switch (cause) {
                case UnrecognizedPropertyException u -> unknownField(u, uri);
                case InvalidFormatException f -> invalidFormat(f, uri);
                case MismatchedInputException m -> mismatched(m, uri);
                case StreamReadException r -> malformed(r, uri);
                case JsonMappingException j -> mapping(j, uri);
                case ConstraintViolationException v -> violations(v, uri);
                case HubException h -> hub(h, uri);
                default -> status == 400 ? respond(ErrorCode.BAD_REQUEST, code.title(), uri) : unexpected(cause, uri);
            };
        }
        return respond(code, code.title(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.isIdentityProviderUnavailable(e)) {
            LOG.warnf("Identity provider unavailable on %s: %s", uri.getPath(), e.getMessage());
            return respond(ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, "The caller's token cannot be checked now;"
                    + " nothing was done, retry later", uri);
        }
        if (Failures.isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return builder(Problem.of(ErrorCode.DATABASE_UNAVAILABLE, "Nothing was written; retry later"), uri)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        if (fromParameterConversion(e)) {
            return respond(ErrorCode.INVALID_PARAMETER, "A path or query parameter could not be read: "
                    + (e instanceof IllegalArgumentException || e instanceof java.time.DateTimeException
                            ? "expected a number, a date (yyyy-mm-dd), an id or one of the listed values"
                            : "wrong form"),
                    uri);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return respond(ErrorCode.CONCURRENT_MODIFICATION,
                        "The resource changed while this request was handled", uri);
            }
            if (t instanceof HubException hub) {
                return hub(hub, uri);
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && (sql.getSQLState().equals(
                    "22021") || sql.getSQLState().equals("22P05"))) {
                // PostgreSQL stores no NUL character in text: the request is refused, its transaction rolled back
                return respond(ErrorCode.UNSUPPORTED_CHARACTER,
                        "A value contains a character that cannot be stored (such as NUL); nothing was written", uri);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (incident %s)", uri.getPath(), incident);
        return respond(ErrorCode.INTERNAL_ERROR, "Incident " + incident, uri);
    }

    /**
     * Quarkus REST lets a parameter converter's exception (valueOf, parse, UUID.fromString) through as it is; it is
     * bad input when it was thrown while the parameters were being extracted.
     */
    static boolean fromParameterConversion(Throwable e) {
        if (!(e instanceof IllegalArgumentException || e instanceof java.time.DateTimeException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("eu.authorityhub.") && !"valueOf".equals(frame.getMethodName())
                    && !c.contains("paramConverter")) {
                return false; // thrown by the hub's own code (an enum's valueOf aside): a bug, not input
            }
            if (c.contains("ParameterHandler") || c.contains("ParameterConverter")
                    || c.contains("ParameterExtractor")) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(ErrorCode code, String detail, UriInfo uri, Problem.FieldError... errors) {
        return builder(Problem.of(code, detail).withErrors(List.of(errors)), uri).build();
    }

    static Response.ResponseBuilder builder(Problem problem, UriInfo uri) {
        Problem p = uri == null ? problem : problem.withInstance(uri.getPath());
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (p.status() == 503 || p.status() == 429) {
            b.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return b;
    }

    private static Problem.FieldError path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return new Problem.FieldError(sb.isEmpty() ? "body" : sb.toString(), "invalid value");
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "an ISO 8601 date or time";
        }
        if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        return "an object";
    }

    private static String field(ConstraintViolation<?> v) {
        // strip the method and parameter prefix Hibernate Validator puts on parameter paths: create.arg0.name -> name
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
