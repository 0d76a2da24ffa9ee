package eu.authorityhub.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import eu.authorityhub.api.Failures;
import eu.authorityhub.webhook.WebhookQueue.Queued;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps webhooks flowing: one pump thread claims what is due ({@link DeliveryClaim}) into this instance's leases
 * ({@link LocalLeases}), which say whose turn it is; each delivery goes to the sender ({@link DeliverySender}) and its
 * outcome to the recorder ({@link OutcomeRecorder}), and the pump claims again once half the room is free. Isolation:
 * at most {@code max-in-flight} deliveries under way on this instance and {@code per-endpoint-in-flight} per endpoint,
 * so a hanging endpoint holds a few slots and never the others' ones; an endpoint that keeps answering with success may
 * have {@code lease-ahead} deliveries leased, so that one claim feeds it for several round trips.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookConfig config;
    private final DeliveryClaim claims;
    private final DeliverySender sender;
    private final OutcomeRecorder recorder;
    private final Clock clock;

    private final LocalLeases leases;
    private final Timer claimTime;
    private final DistributionSummary claimSize;
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final ExecutorService pump = Executors.newSingleThreadExecutor(DaemonThreads.named("webhook-dispatcher"));

    WebhookDispatcher(WebhookConfig config, DeliveryClaim claims, DeliverySender sender, OutcomeRecorder recorder,
            Clock clock, MeterRegistry meters) {
        this.claimTime = Timer.builder("hub.webhook.claim").description("One claim of due deliveries")
                .register(meters);
        this.claimSize = DistributionSummary.builder("hub.webhook.claim.size")
                .description("Deliveries leased by one claim").register(meters);
        this.config = config;
        this.claims = claims;
        this.sender = sender;
        this.recorder = recorder;
        this.clock = clock;
        this.leases = new LocalLeases(config.maxInFlight(), config.perEndpointInFlight(), config.leaseAhead(),
                config.maxLeased());
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
                while (start().full()) {
                    // a full claim: more may be due, claim again while there is room
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
     * @return the future of the recorded outcomes, one per claimed delivery that was sent (not given back)
     */
    CompletableFuture<List<AttemptOutcome>> deliverDue() {
        List<CompletableFuture<AttemptOutcome>> started = start().done();
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(v -> started.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    /** What one claim started: the futures of its deliveries' ends, and whether it took all it asked for. */
    private record Started(List<CompletableFuture<AttemptOutcome>> done, boolean full) {
    }

    private Started start() {
        int room = Math.min(leases.room(), config.batchSize());
        List<LocalLeases.Held> held = leases.add(claim(room));
        launch(leases.startable());
        return new Started(held.stream().map(LocalLeases.Held::done).toList(), room > 0 && held.size() == room);
    }

    /**
     * Claims and leases due deliveries within what this instance may hold; visible to tests of a crash mid-delivery
     * (the jobs are not taken in: the caller sends them).
     */
    List<DeliveryJob> claim() {
        return claim(Math.min(leases.room(), config.batchSize()));
    }

    private List<DeliveryJob> claim(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        List<DeliveryJob> jobs = Failures.retryWhileUnavailable(() -> QuarkusTransaction.requiringNew()
                .call(() -> claims.claim(now, leases, limit)));
        claimTime.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        claimSize.record(jobs.size());
        return jobs;
    }

    /** Sends one claimed delivery; visible to tests of a crash mid-delivery. */
    CompletableFuture<AttemptOutcome> send(DeliveryJob job) {
        return sender.send(job);
    }

    /**
     * Starts the deliveries whose turn it is. One whose lease would end before the delivery timeout (it waited for a
     * slot longer than its lease foresaw) is given back instead, so that no other instance can hold it while it is sent.
     */
    private void launch(List<LocalLeases.Held> start) {
        for (LocalLeases.Held h : start) {
            if (OffsetDateTime.now(clock).plus(config.timeout()).isAfter(h.job().leaseUntil())) {
                leases.droppedBeforeStart(h.job().subscriptionId());
                giveBack(List.of(h));
                continue;
            }
            send(h.job()).thenApply(this::answered).thenCompose(recorder::record).whenComplete((o, failure) -> {
                if (failure != null) {
                    h.done().completeExceptionally(failure);
                } else {
                    h.done().complete(o);
                }
            });
        }
    }

    /** The answer is in: the endpoint's slot is free at once (the row stays leased until it is recorded). */
    private AttemptOutcome answered(AttemptOutcome outcome) {
        LocalLeases.AfterAnswer next = leases.answered(outcome.job().subscriptionId(), outcome.success());
        giveBack(next.giveBack());
        launch(next.start());
        if (next.claimAgain()) {
            wake(); // claim again once half the room (or a deep endpoint's) is free: fewer, fuller claims
        }
        return outcome;
    }

    private void giveBack(List<LocalLeases.Held> held) {
        for (LocalLeases.Held h : held) {
            recorder.giveBack(h.job()).whenComplete((o, failure) -> h.done().complete(null));
        }
    }

    @PreDestroy
    void stop() {
        pump.shutdownNow();
    }
}
