package eu.authorityhub.accesslog;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.Problem;
import eu.authorityhub.security.CallerResolver;

/**
 * Records what a successful call showed of personal data outside its transaction, before the answer leaves (what it
 * showed inside one was recorded as that transaction committed). When the record cannot be written the answer does not
 * leave either: 503, as for any other write that failed.
 */
public class AccessLogFilter {

    private static final Logger LOG = Logger.getLogger(AccessLogFilter.class);
    private static final Pattern UUID_IN_PATH = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    AccessRecorder recorder;
    @Inject
    AccessLogWriter writer;
    @Inject
    CallerResolver callers;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!recorder.isPending()) {
            recorder.clear();
            return;
        }
        try {
            if (response.getStatus() < 400) {
                // read outside a transaction, or more read after the call's transaction wrote its record (a call
                // that should read in one transaction: AccessLogTest counts one record per call)
                writer.write(callers.caller(), purpose(request.getMethod(), request.getUriInfo().getPath()),
                        recorder);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Access record not written, the answer is withheld: %s", e.getClass().getSimpleName());
            response.setStatus(503);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "5");
            response.setEntity(Problem.of(ErrorCode.DATABASE_UNAVAILABLE, "The access could not be recorded; the"
                    + " data are not shown").withInstance(request.getUriInfo().getPath()));
        } finally {
            recorder.clear();
        }
    }

    /** The action: method and path, with case ids generalised ({@code GET /api/v1/requests/{id}}). */
    static String purpose(String method, String path) {
        return method + " " + UUID_IN_PATH.matcher(path).replaceAll("{id}");
    }
}
