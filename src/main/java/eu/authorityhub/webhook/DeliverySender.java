package eu.authorityhub.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.authorityhub.api.HubException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one claimed delivery without holding a thread: resolves the host off the caller's thread, checks the
 * addresses against the SSRF guard and the owner's allow-list, connects to the very address checked, and gives up
 * after the delivery timeout. Every problem is an outcome, never an exception.
 */
@ApplicationScoped
class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final WebhookConfig config;
    private final EndpointGuard guard;
    private final DeliveryRenderer renderer;
    private final Clock clock;
    private final Vertx vertx;
    private final HostResolver resolver;
    private volatile HttpClient http;

    DeliverySender(WebhookConfig config, EndpointGuard guard, DeliveryRenderer renderer, Clock clock, Vertx vertx) {
        this.config = config;
        this.guard = guard;
        this.renderer = renderer;
        this.clock = clock;
        this.vertx = vertx;
        // a lookup may take at most the delivery timeout; answers are kept half a minute
        this.resolver = new HostResolver(config.timeout(), Duration.ofSeconds(30));
    }

    HttpClient client() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    HttpClientOptions options = new HttpClientOptions().setKeepAlive(true)
                            .setConnectTimeout((int) config.timeout().toMillis()).setForceSni(true)
                            .setVerifyHost(true).setTrustAll(false).setIdleTimeout(60);
                    // the pool is per host and port; the per-endpoint limit is the dispatcher's, per subscription,
                    // so two subscriptions on one host never wait for each other's connections
                    http = vertx.createHttpClient(options,
                            new PoolOptions().setHttp1MaxSize(config.maxInFlight()).setMaxWaitQueueSize(-1));
                }
            }
        }
        return http;
    }

    /**
     * Sends the delivery; the future always completes with an outcome. The host is resolved off this thread (the
     * dispatcher's pump serves every endpoint), so a slow resolver delays only its own endpoints.
     */
    CompletableFuture<AttemptOutcome> send(DeliveryJob job) {
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        CompletableFuture<AttemptOutcome> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = guard.parse(job.url());
        } catch (HubException | IllegalArgumentException e) {
            result.complete(refused(job, startedAt, t0, e.getMessage()));
            return result;
        }
        resolver.resolve(EndpointGuard.bareHost(uri)).whenComplete((addresses, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure
                        .getCause() != null ? failure.getCause() : failure;
                result.complete(refused(job, startedAt, t0, cause instanceof java.net.UnknownHostException
                        ? "The endpoint's host name does not resolve"
                        : cause.getMessage()));
                return;
            }
            try {
                post(guard.check(uri, job.allowList(), addresses), renderer.render(job), job, startedAt, t0, result);
            } catch (HubException | PayloadTransformer.TransformationFailed | IllegalArgumentException e) {
                result.complete(refused(job, startedAt, t0, e.getMessage()));
            }
        });
        return result;
    }

    private AttemptOutcome refused(DeliveryJob job, OffsetDateTime startedAt, long t0, String why) {
        return new AttemptOutcome(job, startedAt, elapsed(t0), null, "refused before sending: " + why, null, null);
    }

    private void post(EndpointGuard.Target target, DeliveryRenderer.Rendered rendered, DeliveryJob job,
            OffsetDateTime startedAt, long t0, CompletableFuture<AttemptOutcome> result) {
        InetAddress address = target.addresses().get(0); // connect to the very address that was checked
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        long timeoutMs = config.timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host())
                .setPort(target.port()).setURI(path).setSsl(target.https()).setFollowRedirects(false)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, target.port())))
                .setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs);
        rendered.headers().forEach(options::putHeader);
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMs, t -> {
            result.complete(
                    new AttemptOutcome(job, startedAt, elapsed(t0), null, "timeout: no complete response within "
                            + timeoutMs + " ms", null, null));
            HttpClientRequest r = request.get();
            if (r != null) {
                r.reset();
            }
        });
        int limit = config.responseLogBytes();
        // on an event loop, so that the response's body handler is in place before the body arrives
        vertx.runOnContext(ignored -> client().request(options).compose(req -> {
            request.set(req);
            return req.send(Buffer.buffer(rendered.body()));
        }).compose(resp -> {
            Buffer head = Buffer.buffer();
            try {
                resp.handler(chunk -> {
                    if (head.length() < limit) {
                        head.appendBuffer(chunk, 0, Math.min(chunk.length(), limit - head.length()));
                    }
                });
            } catch (IllegalStateException alreadyEnded) {
                return io.vertx.core.Future.succeededFuture(new AttemptOutcome(job, startedAt, elapsed(t0),
                        resp.statusCode(), null, null, resp.getHeader("Retry-After")));
            }
            return resp.end().map(v -> new AttemptOutcome(job, startedAt, elapsed(t0), resp.statusCode(), null,
                    head.toString(StandardCharsets.UTF_8), resp.getHeader("Retry-After")));
        }).onComplete(ar -> {
            vertx.cancelTimer(timer);
            result.complete(ar.succeeded()
                    ? ar.result()
                    : new AttemptOutcome(job, startedAt, elapsed(t0), null,
                            describe(ar.cause()), null, null));
        }));
    }

    private static String describe(Throwable t) {
        LOG.debugf(t, "Webhook attempt failed");
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    private static int elapsed(long t0) {
        return (int) ((System.nanoTime() - t0) / 1_000_000);
    }

    @PreDestroy
    void stop() {
        resolver.close();
        HttpClient c = http;
        if (c != null) {
            c.close();
        }
    }
}
