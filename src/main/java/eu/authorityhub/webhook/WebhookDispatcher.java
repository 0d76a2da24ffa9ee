package eu.authorityhub.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import eu.authorityhub.ratelimit.TokenBucket;
import eu.authorityhub.api.Failures;
import eu.authorityhub.api.HubException;
import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;
import eu.authorityhub.webhook.EndpointGuard.AllowList;
import eu.authorityhub.webhook.WebhookPayloads.EndpointDisabledEvent;
import eu.authorityhub.webhook.WebhookPayloads.Mode;
import eu.authorityhub.webhook.WebhookQueue.Queued;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
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
 * Delivers queued webhooks. A claim takes due deliveries with {@code FOR UPDATE SKIP LOCKED} (any number of hub
 * instances), leases them (a crash mid-delivery means the same delivery, with the same {@code webhook-id}, goes out
 * again when the lease ends) and sends them without blocking a thread per request. Isolation: each endpoint has at
 * most {@code per-endpoint-in-flight} deliveries under way, so a hanging endpoint holds a few slots and never the
 * others' ones; a throttled endpoint is skipped in the claim. Ordered subscriptions send a case's next event only once
 * the previous one succeeded. Outcomes are recorded in batches by one writer.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String SOURCE = "/hub/webhooks";
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final int RECORD_BATCH = 500;

    /** One claimed delivery, with everything needed to send it. */
    record Job(long deliveryId, UUID subscriptionId, String owner, String url, Mode mode, String transform,
            UUID eventId, String eventType, String body, int attempt, List<String[]> secrets, AllowList allowList) {
    }

    /** What one attempt gave. */
    record Outcome(Job job, OffsetDateTime startedAt, int latencyMs, Integer status, String error, String response,
            String retryAfter) {

        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private record Pending(Outcome outcome, CompletableFuture<Outcome> recorded) {
    }

    private final EntityManager em;
    private final WebhookConfig config;
    private final EndpointGuard guard;
    private final PayloadTransformer transformer;
    private final CloudEventCodec codec;
    private final OutboxRecorder outbox;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private volatile HttpClient http;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> perEndpoint = new ConcurrentHashMap<>();
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final java.util.concurrent.LinkedBlockingQueue<Pending> outcomes = new java.util.concurrent.LinkedBlockingQueue<>();
    private final ExecutorService pump = Executors.newSingleThreadExecutor(r -> daemon(r, "webhook-dispatcher"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "webhook-recorder"));
    private final HostResolver resolver;
    private final AtomicBoolean writing = new AtomicBoolean();

    public WebhookDispatcher(EntityManager em, WebhookConfig config, EndpointGuard guard,
            PayloadTransformer transformer, CloudEventCodec codec, OutboxRecorder outbox, Clock clock, Vertx vertx,
            MeterRegistry meters) {
        this.em = em;
        this.config = config;
        this.guard = guard;
        this.transformer = transformer;
        this.codec = codec;
        this.outbox = outbox;
        this.clock = clock;
        this.vertx = vertx;
        this.meters = meters;
        // a lookup may take at most the delivery timeout; answers are kept half a minute
        this.resolver = new HostResolver(config.timeout(), Duration.ofSeconds(30));
    }

    void onStart(@Observes StartupEvent event) {
        client();
        wake();
    }

    private HttpClient client() {
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

    @Scheduled(every = "${hub.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued queued) {
        wake();
    }

    /** Runs the claim loop in the background (coalesced); a no-op when the dispatcher is disabled. */
    public void wake() {
        if (!config.dispatcherEnabled()) {
            return;
        }
        again.set(true);
        if (pumping.compareAndSet(false, true)) {
            pump.execute(this::pumpLoop);
        }
    }

    private void pumpLoop() {
        try {
            while (again.getAndSet(false)) {
                while (!start().isEmpty()) {
                    // claim again while there is room and work
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch failed, will retry: %s", e.getMessage());
        } finally {
            pumping.set(false);
            if (again.get()) {
                wake();
            }
        }
    }

    /**
     * Claims what is due now and sends it; the future completes when the outcomes are recorded (tests drive the
     * dispatcher with this and the adjustable clock).
     *
     * @return the future of the recorded outcomes, one per claimed delivery
     */
    public CompletableFuture<List<Outcome>> deliverDue() {
        List<CompletableFuture<Outcome>> started = start();
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(v -> started.stream().map(CompletableFuture::join).toList());
    }

    private List<CompletableFuture<Outcome>> start() {
        List<Job> jobs = claim();
        List<CompletableFuture<Outcome>> futures = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            futures.add(send(job).thenApply(this::release).thenCompose(this::record));
        }
        return futures;
    }

    // ------------------------------------------------------------------------------------------- claim

    /** Claims and leases due deliveries within the in-flight limits; visible to tests of a crash mid-delivery. */
    List<Job> claim() {
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> busy = perEndpoint.entrySet().stream()
                .filter(e -> e.getValue().get() >= config.perEndpointInFlight()).map(e -> e.getKey().toString())
                .toList();
        List<Job> jobs = Failures.retryWhileUnavailable(() -> QuarkusTransaction.requiringNew()
                .call(() -> claimIn(now, busy, Math.min(room, config.batchSize()))));
        for (Job j : jobs) {
            inFlight.incrementAndGet();
            perEndpoint.computeIfAbsent(j.subscriptionId(), k -> new AtomicInteger()).incrementAndGet();
        }
        return jobs;
    }

    @SuppressWarnings("unchecked")
    private List<Job> claimIn(OffsetDateTime now, List<String> busy, int limit) {
        // candidates without locks (a scan in due order), then the per-endpoint limits and rate limits in memory,
        // then locks on the chosen rows only: rows left for later are neither locked nor written
        List<Tuple> rows = em.createNativeQuery("select d.id, d.subscription_id, s.rate_limit"
                + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                + " where d.state = 'PENDING' and d.next_attempt_at <= :now and s.status = 'ACTIVE'"
                + " and (s.throttled_until is null or s.throttled_until <= :now)"
                + " and not (cast(d.subscription_id as text) = any (string_to_array(cast(:busy as text), ',')))"
                + " and (not s.ordered or not exists (select 1 from webhook_delivery e where"
                + " e.subscription_id = d.subscription_id and e.case_id = d.case_id and e.state = 'PENDING'"
                + " and e.id < d.id))"
                + " order by d.next_attempt_at, d.id limit :scan", Tuple.class)
                .setParameter("now", now).setParameter("busy", String.join(",", busy))
                .setParameter("scan", Math.max(limit, 64)).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> taken = new HashMap<>();
        List<Long> candidates = new ArrayList<>();
        for (Tuple t : rows) {
            UUID s = (UUID) t.get(1);
            int already = perEndpoint.getOrDefault(s, new AtomicInteger()).get() + taken.getOrDefault(s, 0);
            if (already >= config.perEndpointInFlight()
                    || !takeToken(s, t.get(2) == null ? null : ((Number) t.get(2)).intValue())) {
                continue;
            }
            taken.merge(s, 1, Integer::sum);
            candidates.add(((Number) t.get(0)).longValue());
            if (candidates.size() == limit) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Tuple> chosen = em.createNativeQuery("select id, subscription_id, event_id, attempts from"
                + " webhook_delivery where id in (:ids) and state = 'PENDING' and next_attempt_at <= :now"
                + " for update skip locked", Tuple.class).setParameter("ids", candidates).setParameter("now", now)
                .getResultList();
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<Long> ids = chosen.stream().map(t -> ((Number) t.get(0)).longValue()).toList();
        em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, next_attempt_at = :lease"
                + " where id in (:ids)").setParameter("lease", now.plus(config.timeout()).plus(LEASE_MARGIN))
                .setParameter("ids", ids).executeUpdate();

        List<UUID> subscriptionIds = chosen.stream().map(t -> (UUID) t.get(1)).distinct().toList();
        List<UUID> eventIds = chosen.stream().map(t -> (UUID) t.get(2)).distinct().toList();
        Map<UUID, Object[]> subscriptions = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, owner, url, mode, transform from"
                + " webhook_subscription where id in (:ids)").setParameter("ids", subscriptionIds).getResultList()) {
            subscriptions.put((UUID) r[0], r);
        }
        Map<UUID, List<String[]>> secrets = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select subscription_id, kind, secret from"
                + " webhook_secret where subscription_id in (:ids) and (expires_at is null or expires_at > :now)"
                + " order by id desc").setParameter("ids", subscriptionIds).setParameter("now", now)
                .getResultList()) {
            secrets.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new String[]{(String) r[1],
                    (String) r[2]});
        }
        Map<UUID, Object[]> messages = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select event_id, event_type, body from"
                + " webhook_message where event_id in (:ids)").setParameter("ids", eventIds).getResultList()) {
            messages.put((UUID) r[0], r);
        }
        List<String> owners = subscriptions.values().stream().map(r -> (String) r[1]).distinct().toList();
        Map<String, AllowList> allowLists = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select owner, array_to_string(cidrs, ','),"
                + " array_to_string(hosts, ',') from webhook_allow_list where owner in (:o)")
                .setParameter("o", owners).getResultList()) {
            allowLists.put((String) r[0], AllowList.of(split((String) r[1]), split((String) r[2])));
        }
        List<Job> jobs = new ArrayList<>(chosen.size());
        for (Tuple t : chosen) {
            Object[] s = subscriptions.get((UUID) t.get(1));
            Object[] m = messages.get((UUID) t.get(2));
            jobs.add(new Job(((Number) t.get(0)).longValue(), (UUID) s[0], (String) s[1], (String) s[2],
                    Mode.valueOf((String) s[3]), (String) s[4], (UUID) m[0], (String) m[1], (String) m[2],
                    ((Number) t.get(3)).intValue() + 1, secrets.getOrDefault((UUID) s[0], List.of()),
                    allowLists.getOrDefault((String) s[1], AllowList.NONE)));
        }
        return jobs;
    }

    /** Token bucket per endpoint (per hub instance): capacity and refill = the endpoint's rate limit per second. */
    private boolean takeToken(UUID subscription, Integer rate) {
        if (rate == null) {
            return true;
        }
        long now = System.nanoTime();
        return buckets.computeIfAbsent(subscription, k -> new TokenBucket(rate, now)).take(rate, rate, now) == 0;
    }

    // ------------------------------------------------------------------------------------------- send

    /**
     * Sends one claimed delivery; never fails: every problem is an outcome. The host is resolved off this thread (the
     * pump serves every endpoint), so a slow resolver delays only its own endpoints.
     */
    CompletableFuture<Outcome> send(Job job) {
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
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
                sendTo(guard.check(uri, job.allowList(), addresses), job, startedAt, t0, result);
            } catch (HubException | PayloadTransformer.TransformationFailed | IllegalArgumentException e) {
                result.complete(refused(job, startedAt, t0, e.getMessage()));
            }
        });
        return result;
    }

    private Outcome refused(Job job, OffsetDateTime startedAt, long t0, String why) {
        return new Outcome(job, startedAt, elapsed(t0), null, "refused before sending: " + why, null, null);
    }

    /** Renders and signs the body for the checked target, then posts it. */
    private void sendTo(EndpointGuard.Target target, Job job, OffsetDateTime startedAt, long t0,
            CompletableFuture<Outcome> result) {
        String body;
        String contentType;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        switch (job.mode()) {
            case STRUCTURED -> {
                body = job.body();
                contentType = CloudEventCodec.CONTENT_TYPE;
            }
            case BINARY -> {
                BinaryMode.Rendered binary = BinaryMode.render(codec.decode(job.body()));
                body = binary.body();
                contentType = binary.contentType();
                headers.putAll(binary.headers());
            }
            default -> {
                body = transformer.apply(job.transform(), job.body());
                contentType = "application/json";
            }
        }
        String id = job.eventId().toString();
        long timestamp = clock.instant().getEpochSecond();
        List<String> signatures = new ArrayList<>();
        for (String[] secret : job.secrets()) {
            signatures.add(secret[0].equals("HMAC")
                    ? WebhookSigner.v1(secret[1], id, timestamp, body)
                    : WebhookSigner.v1a(secret[1], id, timestamp, body));
        }
        headers.put("content-type", contentType);
        headers.put("user-agent", "authorityhub-webhooks/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", String.join(" ", signatures));
        post(target, headers, body, job, startedAt, t0, result);
    }

    private void post(EndpointGuard.Target target, Map<String, String> headers, String body, Job job,
            OffsetDateTime startedAt, long t0, CompletableFuture<Outcome> result) {
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
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMs, t -> {
            result.complete(new Outcome(job, startedAt, elapsed(t0), null, "timeout: no complete response within "
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
            return req.send(Buffer.buffer(body));
        }).compose(resp -> {
            Buffer head = Buffer.buffer();
            try {
                resp.handler(chunk -> {
                    if (head.length() < limit) {
                        head.appendBuffer(chunk, 0, Math.min(chunk.length(), limit - head.length()));
                    }
                });
            } catch (IllegalStateException alreadyEnded) {
                return io.vertx.core.Future.succeededFuture(new Outcome(job, startedAt, elapsed(t0),
                        resp.statusCode(), null, null, resp.getHeader("Retry-After")));
            }
            return resp.end().map(v -> new Outcome(job, startedAt, elapsed(t0), resp.statusCode(), null,
                    head.toString(StandardCharsets.UTF_8), resp.getHeader("Retry-After")));
        }).onComplete(ar -> {
            vertx.cancelTimer(timer);
            result.complete(ar.succeeded()
                    ? ar.result()
                    : new Outcome(job, startedAt, elapsed(t0), null,
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

    // ------------------------------------------------------------------------------------------- record

    /** The answer is in: the endpoint's slot is free at once (the row stays leased until it is recorded). */
    private Outcome release(Outcome outcome) {
        inFlight.decrementAndGet();
        AtomicInteger n = perEndpoint.get(outcome.job().subscriptionId());
        int left = n == null ? 0 : n.decrementAndGet();
        if (left <= config.perEndpointInFlight() / 2) {
            wake(); // claim again once half the endpoint's slots are free: fewer, fuller claims
        }
        return outcome;
    }

    private CompletableFuture<Outcome> record(Outcome outcome) {
        meters.counter("hub.webhook.attempts", "outcome", outcome.success()
                ? "success"
                : outcome.status() == null ? "error" : Integer.toString(outcome.status())).increment();
        CompletableFuture<Outcome> recorded = new CompletableFuture<>();
        outcomes.add(new Pending(outcome, recorded));
        if (writing.compareAndSet(false, true)) {
            writer.execute(this::writeLoop);
        }
        return recorded;
    }

    private void writeLoop() {
        try {
            while (!outcomes.isEmpty()) {
                List<Pending> batch = new ArrayList<>();
                outcomes.drainTo(batch, RECORD_BATCH);
                try {
                    Failures.retryWhileUnavailable(() -> {
                        QuarkusTransaction.requiringNew().run(() -> write(batch));
                        return null;
                    });
                    batch.forEach(p -> p.recorded().complete(p.outcome()));
                } catch (RuntimeException e) {
                    // not recorded: the leases end and the deliveries go out again (at least once)
                    LOG.warnf("Webhook outcomes not recorded, the deliveries will be retried: %s", e.getMessage());
                    batch.forEach(p -> p.recorded().completeExceptionally(e));
                }
            }
        } finally {
            writing.set(false);
            if (!outcomes.isEmpty() && writing.compareAndSet(false, true)) {
                writer.execute(this::writeLoop);
            }
        }
        wake();
    }

    private void write(List<Pending> batch) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> succeeded = new LinkedHashSet<>();
        List<Object[]> failed = new ArrayList<>(); // subscription, error, throttled until
        List<UUID> gone = new ArrayList<>();
        // one JDBC batch per statement for the whole set of outcomes
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement attempt = c.prepareStatement("insert into webhook_attempt (delivery_id,"
                    + " subscription_id, attempt, started_at, latency_ms, status, error, response, next_attempt_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement delivery = c.prepareStatement("update webhook_delivery set state = ?,"
                            + " next_attempt_at = coalesce(?, next_attempt_at), delivered_at = coalesce(?,"
                            + " delivered_at), last_status = ?, last_error = ? where id = ?")) {
                for (Pending p : batch) {
                    Outcome o = p.outcome();
                    Job j = o.job();
                    String state;
                    OffsetDateTime next = null;
                    if (o.success()) {
                        state = "DELIVERED";
                        succeeded.add(j.subscriptionId());
                    } else {
                        state = j.attempt() > config.retrySchedule().size() ? "FAILED" : "PENDING";
                        next = state.equals("PENDING") ? now.plus(wait(j.attempt(), o)) : null;
                        if (o.status() != null && o.status() == 410) {
                            gone.add(j.subscriptionId());
                        }
                    }
                    String error = o.error() != null ? o.error() : o.success() ? null : "HTTP " + o.status();
                    if (!o.success()) {
                        failed.add(new Object[]{j.subscriptionId(), error, throttles(o) ? next : null});
                    }
                    attempt.setLong(1, j.deliveryId());
                    attempt.setObject(2, j.subscriptionId());
                    attempt.setInt(3, j.attempt());
                    attempt.setObject(4, o.startedAt());
                    attempt.setInt(5, o.latencyMs());
                    attempt.setObject(6, o.status(), Types.INTEGER);
                    attempt.setString(7, error);
                    attempt.setString(8, clean(o.response()));
                    attempt.setObject(9, next, Types.TIMESTAMP_WITH_TIMEZONE);
                    attempt.addBatch();
                    delivery.setString(1, state);
                    delivery.setObject(2, next, Types.TIMESTAMP_WITH_TIMEZONE);
                    delivery.setObject(3, o.success() ? now : null, Types.TIMESTAMP_WITH_TIMEZONE);
                    delivery.setObject(4, o.status(), Types.INTEGER);
                    delivery.setString(5, error);
                    delivery.setLong(6, j.deliveryId());
                    delivery.addBatch();
                }
                attempt.executeBatch();
                delivery.executeBatch();
            }
            if (!succeeded.isEmpty()) {
                try (PreparedStatement ok = c.prepareStatement("update webhook_subscription set last_success_at = ?,"
                        + " failing_since = null, throttled_until = null where id = any (?)")) {
                    ok.setObject(1, now);
                    ok.setArray(2, c.createArrayOf("uuid", succeeded.toArray()));
                    ok.executeUpdate();
                }
            }
            if (!failed.isEmpty()) {
                try (PreparedStatement ko = c.prepareStatement("update webhook_subscription set last_failure_at = ?,"
                        + " last_error = ?, failing_since = coalesce(failing_since, ?), throttled_until = coalesce(?,"
                        + " throttled_until) where id = ?")) {
                    for (Object[] f : failed) {
                        ko.setObject(1, now);
                        ko.setString(2, (String) f[1]);
                        ko.setObject(3, now);
                        ko.setObject(4, f[2], Types.TIMESTAMP_WITH_TIMEZONE);
                        ko.setObject(5, f[0]);
                        ko.addBatch();
                    }
                    ko.executeBatch();
                }
            }
        });
        for (UUID s : gone) {
            disable(s, "the endpoint answered 410 Gone", now);
        }
        if (!failed.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<UUID> stale = em.createNativeQuery("select id from webhook_subscription where id in (:ids) and"
                    + " status = 'ACTIVE' and failing_since <= :limit").setParameter("ids", failed.stream()
                            .map(f -> (UUID) f[0]).distinct().toList())
                    .setParameter("limit", now.minus(config.disableAfter())).getResultList();
            for (UUID s : stale) {
                disable(s, "no successful delivery for " + config.disableAfter().toDays() + " days", now);
            }
        }
    }

    /** Disables an active endpoint and tells its owner (an event to its inbox and its other webhooks). */
    private void disable(UUID subscription, String reason, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update webhook_subscription set status = 'DISABLED',"
                + " disabled_reason = :r, updated_at = :now, version = version + 1 where id = :s and"
                + " status = 'ACTIVE' returning owner, url").setParameter("r", reason).setParameter("now", now)
                .setParameter("s", subscription).getResultList();
        for (Object[] r : rows) {
            String owner = (String) r[0];
            LOG.infof("Webhook endpoint %s of %s disabled: %s", subscription, owner, reason);
            outbox.record(new OutgoingEvent(EventTypes.WEBHOOK_ENDPOINT_DISABLED, subscription.toString(), SOURCE,
                    new EndpointDisabledEvent(subscription, subscription, "WEBHOOK", owner, (String) r[1], reason,
                            now, List.of(owner), "DISABLED"),
                    List.of(Topics.WEBHOOK_EVENTS)));
        }
    }

    private static boolean throttles(Outcome o) {
        return o.status() != null && (o.status() == 429 || o.status() == 502 || o.status() == 503
                || o.status() == 504);
    }

    /** The wait after a failed attempt: the schedule with jitter, or longer when the endpoint asks (Retry-After). */
    Duration wait(int attempt, Outcome o) {
        List<Duration> schedule = config.retrySchedule();
        Duration base = schedule.get(Math.min(attempt, schedule.size()) - 1);
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * config.jitter();
        Duration wait = Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
        Duration asked = RetryAfter.parse(o.retryAfter(), clock.instant()).orElse(null);
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
        }
        return wait;
    }

    private static String clean(String response) {
        return response == null ? null : response.replace('\u0000', ' ');
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void stop() {
        pump.shutdownNow();
        writer.shutdown();
        resolver.close();
        HttpClient c = http;
        if (c != null) {
            c.close();
        }
    }
}
