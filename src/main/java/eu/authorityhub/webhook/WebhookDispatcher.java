package eu.authorityhub.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import eu.authorityhub.api.Failures;
import eu.authorityhub.webhook.WebhookQueue.Queued;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps webhooks flowing: one pump thread claims what is due ({@link DeliveryClaim}), hands each delivery to the
 * sender ({@link DeliverySender}) and its outcome to the recorder ({@link OutcomeRecorder}), and claims again while
 * there is room and work. Isolation lives here: at most {@code max-in-flight} deliveries under way on this instance, and
 * {@code per-endpoint-in-flight} per endpoint, so a hanging endpoint holds a few slots and never the others' ones.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookConfig config;
    private final DeliveryClaim claims;
    private final DeliverySender sender;
    private final OutcomeRecorder recorder;
    private final Clock clock;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> perEndpoint = new ConcurrentHashMap<>();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final ExecutorService pump = Executors.newSingleThreadExecutor(DaemonThreads.named("webhook-dispatcher"));

    WebhookDispatcher(WebhookConfig config, DeliveryClaim claims, DeliverySender sender, OutcomeRecorder recorder,
            Clock clock) {
        this.config = config;
        this.claims = claims;
        this.sender = sender;
        this.recorder = recorder;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        sender.client();
        wake();
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
    CompletableFuture<List<AttemptOutcome>> deliverDue() {
        List<CompletableFuture<AttemptOutcome>> started = start();
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(v -> started.stream().map(CompletableFuture::join).toList());
    }

    private List<CompletableFuture<AttemptOutcome>> start() {
        List<DeliveryJob> jobs = claim();
        List<CompletableFuture<AttemptOutcome>> futures = new ArrayList<>(jobs.size());
        for (DeliveryJob job : jobs) {
            CompletableFuture<AttemptOutcome> recorded = send(job).thenApply(this::release)
                    .thenCompose(recorder::record);
            recorded.whenComplete((o, failure) -> wake()); // recorded (or not): retries may be due, slots are free
            futures.add(recorded);
        }
        return futures;
    }

    /** Claims and leases due deliveries within the in-flight limits; visible to tests of a crash mid-delivery. */
    List<DeliveryJob> claim() {
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, Integer> busy = perEndpoint.entrySet().stream().filter(e -> e.getValue().get() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        List<DeliveryJob> jobs = Failures.retryWhileUnavailable(() -> QuarkusTransaction.requiringNew()
                .call(() -> claims.claim(now, busy, Math.min(room, config.batchSize()))));
        for (DeliveryJob j : jobs) {
            inFlight.incrementAndGet();
            perEndpoint.computeIfAbsent(j.subscriptionId(), k -> new AtomicInteger()).incrementAndGet();
        }
        return jobs;
    }

    /** Sends one claimed delivery (its slot is already taken); visible to tests of a crash mid-delivery. */
    CompletableFuture<AttemptOutcome> send(DeliveryJob job) {
        return sender.send(job);
    }

    /** The answer is in: the endpoint's slot is free at once (the row stays leased until it is recorded). */
    private AttemptOutcome release(AttemptOutcome outcome) {
        inFlight.decrementAndGet();
        AtomicInteger n = perEndpoint.get(outcome.job().subscriptionId());
        int left = n == null ? 0 : n.decrementAndGet();
        if (left <= config.perEndpointInFlight() / 2) {
            wake(); // claim again once half the endpoint's slots are free: fewer, fuller claims
        }
        return outcome;
    }

    @PreDestroy
    void stop() {
        pump.shutdownNow();
    }
}
