package eu.authorityhub.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document with the hub's extension members {@code code} (stable, from {@link ErrorCode}) and
 * {@code errors} (one entry per invalid field).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail) {
        return new Problem(code.type(), code.title(), code.status(), detail, null, code.name(), List.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, fieldErrors);
    }

    /** One invalid field: where (a JSON pointer-like path or parameter name) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
