package eu.authorityhub.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for what never reaches a REST resource: bodies announced larger than the limit (refused before they are
 * read) and failures of the HTTP layer itself.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HttpProblemRoutes.class);

    private final ObjectMapper mapper;
    private final long maxBody;
    private final long maxAttachment;
    private final long maxBulk;

    public HttpProblemRoutes(ObjectMapper mapper, @ConfigProperty(name = "hub.http.max-json-body") MemorySize maxBody,
            @ConfigProperty(name = "hub.requests.attachment-max-bytes", defaultValue = "10485760") long maxAttachment,
            @ConfigProperty(name = "hub.requests.bulk-max-bytes", defaultValue = "4194304") long maxBulk) {
        this.mapper = mapper;
        this.maxBulk = maxBulk;
        this.maxBody = maxBody.asLongValue();
        this.maxAttachment = maxAttachment;
    }

    /** The longest request URI the hub reads (paths and query strings of the API are far shorter). */
    static final int MAX_URI = 8192;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().uri().length() > MAX_URI) {
                // longer than 16 KiB the HTTP layer itself refuses the request line, with a bare 414
                write(ctx, Problem.of(ErrorCode.URI_TOO_LONG, "The request URI may be at most " + MAX_URI
                        + " characters"));
                return;
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = ctx.request().path();
            long limit = path.endsWith("/attachments")
                    ? maxAttachment
                    : path.endsWith("/requests/bulk")
                            ? maxBulk
                            : maxBody;
            if (length != null && tooLarge(length, limit)) {
                write(ctx, Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most " + limit + " bytes"));
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.response().headWritten()
                    || ctx.failure() instanceof io.quarkus.security.AuthenticationRedirectException) {
                ctx.next(); // a redirect of the pages' sign-in is Quarkus' to send
                return;
            }
            int status = ctx.statusCode();
            ErrorCode code = switch (status) {
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 401 -> ErrorCode.UNAUTHENTICATED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 400 -> ErrorCode.BAD_REQUEST;
                default -> outage(ctx.failure());
            };
            if (code == ErrorCode.INTERNAL_ERROR) {
                // the stack shows where; messages stay out of the log (they may quote input)
                Throwable f = ctx.failure() == null ? new IllegalStateException("status " + status) : ctx.failure();
                LOG.errorf("Unexpected failure on %s %s: %s", ctx.request().method(), ctx.request().path(), f
                        .getClass().getName());
                LOG.debug("Unexpected failure", f);
            }
            write(ctx, Problem.of(code, code.title()));
        });
    }

    private static ErrorCode outage(Throwable failure) {
        if (failure != null && Failures.isIdentityProviderUnavailable(failure)) {
            return ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE;
        }
        if (failure != null && Failures.isDatabaseUnavailable(failure)) {
            return ErrorCode.DATABASE_UNAVAILABLE;
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void write(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem.withInstance(ctx.request().path()));
        } catch (JsonProcessingException e) {
            body = "{\"code\":\"" + problem.code() + "\",\"status\":" + problem.status() + "}";
        }
        var response = ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE,
                Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, ProblemMappers.RETRY_AFTER_SECONDS);
        }
        if (problem.status() == 413) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
