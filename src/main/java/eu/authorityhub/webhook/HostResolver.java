package eu.authorityhub.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Resolves webhook hosts off the dispatcher's thread: lookups run on a pool of their own, each bounded by a timeout,
 * and answers are kept a short while per host, so that one slow or dead resolver answer holds up only the endpoints
 * of that host, never the dispatch of every other endpoint. An address literal needs no lookup and never waits for
 * the pool; a host has at most one lookup under way (a lookup that never returns holds one thread, however many
 * deliveries wait for it), so up to {@value #THREADS} hosts may hang at once before a lookup has to queue.
 */
final class HostResolver implements AutoCloseable {

    /** The lookup did not answer in time. */
    static final class ResolutionTimeout extends java.util.concurrent.TimeoutException {

        ResolutionTimeout(String host, Duration timeout) {
            super("the endpoint's host name did not resolve within " + timeout.toMillis() + " ms: " + host);
        }
    }

    private record Cached(CompletableFuture<InetAddress[]> answer, long expiresNanos) {
    }

    private final Duration timeout;
    private final long keepNanos;
    static final int THREADS = 16;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** The lookup under way per host, until it returns (it may outlive the timeout of those who waited for it). */
    private final Map<String, CompletableFuture<InetAddress[]>> running = new ConcurrentHashMap<>();
    private final ExecutorService lookups = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("webhook-dns"));

    HostResolver(Duration timeout, Duration keep) {
        this.timeout = timeout;
        this.keepNanos = keep.toNanos();
    }

    /** The host's addresses; fails with {@link UnknownHostException} or {@link ResolutionTimeout}. */
    CompletableFuture<InetAddress[]> resolve(String host) {
        long now = System.nanoTime();
        Cached c = cache.get(host);
        if (c != null && now - c.expiresNanos() < 0 && !c.answer().isCompletedExceptionally()) {
            return c.answer();
        }
        if (EndpointGuard.isAddressLiteral(host)) {
            try {
                return CompletableFuture.completedFuture(InetAddress.getAllByName(host)); // parsed, not looked up
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<InetAddress[]> answer = running.computeIfAbsent(host, this::lookUp);
        CompletableFuture<InetAddress[]> bounded = answer.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof java.util.concurrent.TimeoutException ? new ResolutionTimeout(host, timeout) : e));
        cache.put(host, new Cached(bounded, now + keepNanos));
        return bounded;
    }

    private CompletableFuture<InetAddress[]> lookUp(String host) {
        CompletableFuture<InetAddress[]> answer = new CompletableFuture<>();
        lookups.execute(() -> {
            try {
                answer.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                answer.completeExceptionally(e);
            } finally {
                running.remove(host, answer);
            }
        });
        return answer;
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
