package eu.authorityhub.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The deliveries this hub instance holds a lease on, per endpoint: waiting for a slot, or under way. Decides which
 * waiting delivery goes next (round robin over the endpoints, within the instance's and each endpoint's in-flight
 * limits) and how many deliveries an endpoint may hold at all: its in-flight limit, or {@code lease-ahead} once it has
 * answered that many times in a row with success. An endpoint that fails gives its waiting deliveries back, so that
 * its throttling and retry schedule apply to them. Thread-safe: every method holds the one lock briefly.
 */
final class LocalLeases implements DeliveryClaim.Holdings {

    /** A leased delivery and the future of its end: its recorded outcome, or null when it was given back. */
    record Held(DeliveryJob job, CompletableFuture<AttemptOutcome> done) {
    }

    /** What an answer changed: deliveries now free to start, and the endpoint's waiting ones to give back. */
    record AfterAnswer(List<Held> start, List<Held> giveBack, boolean claimAgain) {
    }

    private static final class Endpoint {

        final ArrayDeque<Held> waiting = new ArrayDeque<>();
        int inFlight;
        int successes; // in a row
        boolean ready; // in the ready queue

        int held() {
            return waiting.size() + inFlight;
        }
    }

    private final int maxInFlight;
    private final int perEndpoint;
    private final int leaseAhead;
    private final int maxHeld;
    private final Map<UUID, Endpoint> endpoints = new HashMap<>();
    private final ArrayDeque<UUID> ready = new ArrayDeque<>();
    private int inFlight;
    private int held;

    LocalLeases(int maxInFlight, int perEndpoint, int leaseAhead, int maxHeld) {
        this.maxInFlight = maxInFlight;
        this.perEndpoint = perEndpoint;
        this.leaseAhead = Math.max(perEndpoint, leaseAhead);
        this.maxHeld = Math.max(maxInFlight, maxHeld);
    }

    /** How many more deliveries this instance may lease now. */
    synchronized int room() {
        return maxHeld - held;
    }

    @Override
    public synchronized List<UUID> full() {
        List<UUID> full = new ArrayList<>();
        endpoints.forEach((id, e) -> {
            if (e.held() >= depth(e)) {
                full.add(id);
            }
        });
        return full;
    }

    @Override
    public synchronized int held(UUID subscription) {
        Endpoint e = endpoints.get(subscription);
        return e == null ? 0 : e.held();
    }

    @Override
    public synchronized int room(UUID subscription) {
        Endpoint e = endpoints.get(subscription);
        return e == null ? perEndpoint : depth(e) - e.held();
    }

    @Override
    public int perEndpointInFlight() {
        return perEndpoint;
    }

    private int depth(Endpoint e) {
        return e.successes >= perEndpoint ? leaseAhead : perEndpoint;
    }

    /** Takes newly leased deliveries in; {@link #startable()} says which may go now. */
    synchronized List<Held> add(List<DeliveryJob> jobs) {
        List<Held> added = new ArrayList<>(jobs.size());
        for (DeliveryJob job : jobs) {
            Held h = new Held(job, new CompletableFuture<>());
            Endpoint e = endpoints.computeIfAbsent(job.subscriptionId(), k -> new Endpoint());
            e.waiting.add(h);
            markReady(job.subscriptionId(), e);
            held++;
            added.add(h);
        }
        return added;
    }

    /** Waiting deliveries that may start now; they count as under way from here. */
    synchronized List<Held> startable() {
        List<Held> start = new ArrayList<>();
        while (inFlight < maxInFlight && !ready.isEmpty()) {
            UUID id = ready.poll();
            Endpoint e = endpoints.get(id);
            if (e == null) {
                continue; // forgotten since it was queued
            }
            e.ready = false;
            if (e.waiting.isEmpty() || e.inFlight >= perEndpoint) {
                continue;
            }
            start.add(e.waiting.poll());
            e.inFlight++;
            inFlight++;
            markReady(id, e); // round robin: the endpoint's next one after the other endpoints' ones
        }
        return start;
    }

    /** The endpoint answered (or the attempt ended without an answer): its slot is free. */
    synchronized AfterAnswer answered(UUID subscription, boolean success) {
        Endpoint e = endpoints.get(subscription);
        if (e == null) {
            return new AfterAnswer(List.of(), List.of(), false); // sent outside the dispatcher (tests of a crash)
        }
        int heldBefore = held;
        int endpointBefore = e.held();
        e.inFlight--;
        inFlight--;
        held--;
        List<Held> giveBack = List.of();
        if (success) {
            e.successes++;
        } else {
            e.successes = 0;
            giveBack = new ArrayList<>(e.waiting);
            held -= giveBack.size();
            e.waiting.clear();
        }
        markReady(subscription, e);
        // once a deep endpoint's or the instance's holding falls to half (a claim for a shallow endpoint alone would be
        // small; the dispatcher's poll and new deliveries wake it too)
        boolean claimAgain = e.successes >= perEndpoint && endpointBefore > leaseAhead / 2
                && e.held() <= leaseAhead / 2 || heldBefore > maxHeld / 2 && held <= maxHeld / 2;
        if (e.held() == 0 && e.successes < perEndpoint) {
            endpoints.remove(subscription); // forgets idle endpoints that have not earned a deeper lease
        }
        return new AfterAnswer(startable(), giveBack, claimAgain);
    }

    /** A waiting delivery was given back before it started (its lease was too short to start it). */
    synchronized void droppedBeforeStart(UUID subscription) {
        Endpoint e = endpoints.get(subscription);
        if (e != null) {
            e.inFlight--;
            inFlight--;
            held--;
            markReady(subscription, e);
        }
    }

    private void markReady(UUID id, Endpoint e) {
        if (!e.ready && !e.waiting.isEmpty() && e.inFlight < perEndpoint) {
            e.ready = true;
            ready.add(id);
        }
    }
}
