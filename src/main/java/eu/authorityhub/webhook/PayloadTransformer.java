package eu.authorityhub.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;

/**
 * Per-subscription payload transformation with JSLT: the template receives the structured CloudEvent (attributes and
 * {@code data}) and its result is the body, so a legacy national system gets the flat shape it expects without code
 * per country. Templates are compiled once and kept.
 */
@ApplicationScoped
public class PayloadTransformer {

    private static final int MAX_CACHED = 10_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Expression> compiled = new ConcurrentHashMap<>();

    /** Compiles a template; a template that does not compile is refused with TEMPLATE_INVALID. */
    public Expression compile(String template) {
        Expression e = compiled.get(template);
        if (e != null) {
            return e;
        }
        try {
            e = Parser.compileString(template);
        } catch (JsltException | StackOverflowError ex) {
            String message = ex.getMessage() == null ? "syntax error" : ex.getMessage();
            throw new HubException(ErrorCode.TEMPLATE_INVALID, "The JSLT template does not compile: " + message);
        }
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        compiled.put(template, e);
        return e;
    }

    /** Applies a template to a structured CloudEvent; a failure is a failed delivery attempt, never a crash. */
    public String apply(String template, String structuredEvent) {
        try {
            JsonNode out = compile(template).apply(mapper.readTree(structuredEvent));
            return mapper.writeValueAsString(out);
        } catch (JsltException | StackOverflowError | java.io.IOException | HubException e) {
            throw new TransformationFailed(e.getMessage() == null ? "transformation failed" : e.getMessage());
        }
    }

    /** The template could not be applied to an event. */
    public static class TransformationFailed extends IllegalStateException {

        public TransformationFailed(String message) {
            super(message, null);
        }
    }
}
