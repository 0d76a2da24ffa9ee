package eu.authorityhub.api;

import java.util.List;
import java.util.Map;

/**
 * The only exception features throw for an expected refusal: it carries the stable code, a detail for people, and
 * optional field errors and headers. Mapped to problem+json by {@link ProblemMappers}.
 */
public class HubException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public HubException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public HubException(ErrorCode code, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
