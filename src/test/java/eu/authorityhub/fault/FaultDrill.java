package eu.authorityhub.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.embedded.EmbeddedPostgresServer;
import eu.authorityhub.testing.BrokerProcess;
import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.PackagedHub;
import eu.authorityhub.testing.StandardWebhooks;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.WebhookReceiver;

/**
 * A fault drill against the packaged hub: back-office clients create and send requests through the HTTP API without
 * pause (each POST with an Idempotency-Key, retried with the same key until it gets a definite answer, as a national
 * system would), while the drill kills the hub with SIGKILL and restarts it, kills the Kafka broker and restarts it,
 * and stops PostgreSQL and restarts it. Each responder has a webhook endpoint. Afterwards it counts, from the database,
 * the member-state topic and the webhook receiver, what was acknowledged and what arrived. The hub, the broker and
 * PostgreSQL are three processes of their own; only the killed hub is restarted by the drill, the hub recovers from the
 * other two outages by itself.
 */
public final class FaultDrill implements AutoCloseable {

    public enum Fault {
        HUB_SIGKILL,
        BROKER_SIGKILL,
        DATABASE_STOP
    }

    /**
     * @param clients back-office systems sending at the same time (each its own requester and responder)
     * @param perPhase requests acknowledged before the first fault, between faults and after the last
     * @param minOutage how long the broker and the database stay down, at least
     * @param faults the faults, in order
     */
    public record Settings(int clients, int perPhase, Duration minOutage, List<Fault> faults, String hubJvm) {
    }

    /** What happened during one fault. */
    public record FaultReport(Fault fault, double outageSeconds, double recoverySeconds, boolean readyDuringOutage,
            int acknowledgedDuringOutage, int refusedDuringOutage) {
    }

    /** The counts. Everything that must be zero is named so. */
    public record Report(int created, int acknowledged, long requestsStored, int duplicateCreates, long inboxEntries,
            long inboxNotExactlyOnce, long eventsOnTopic, long acknowledgedMissingOnTopic, long webhookDeliveries,
            long webhookIdsDelivered, long acknowledgedWithoutWebhook, long webhookIdNotTheEvent,
            long badSignatures, long unpublishedEvents, long stepsWithoutEvent, long eventsWithoutStep,
            Map<String, Integer> answers, long slowest503Ms, List<String> unexpectedAnswers,
            List<FaultReport> faults) {

        public long serverErrors() {
            return answers.entrySet().stream().filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("503"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%n%-16s %9s %9s %16s %6s %10s%n", "fault", "outage s",
                    "recover s", "ready in outage", "acked", "refused"));
            for (FaultReport f : faults) {
                b.append(String.format(Locale.ROOT, "%-16s %9.1f %9.1f %16s %6d %10d%n", f.fault(), f.outageSeconds(),
                        f.recoverySeconds(), f.readyDuringOutage() ? "yes" : "no", f.acknowledgedDuringOutage(), f
                                .refusedDuringOutage()));
            }
            b.append(String.format(Locale.ROOT, "%n%-58s %10s%n", "count", "value"));
            row(b, "requests created (201)", created);
            row(b, "requests sent and acknowledged (200)", acknowledged);
            row(b, "requests stored (must equal created)", requestsStored);
            row(b, "creates that made a second request (must be 0)", duplicateCreates);
            row(b, "inbox entries of acknowledged sends", inboxEntries);
            row(b, "acknowledged sends not in the inbox exactly once (0)", inboxNotExactlyOnce);
            row(b, "send events on the member-state topic", eventsOnTopic);
            row(b, "acknowledged sends missing on the topic (0)", acknowledgedMissingOnTopic);
            row(b, "webhook deliveries received", webhookDeliveries);
            row(b, "distinct webhook-ids received", webhookIdsDelivered);
            row(b, "acknowledged sends without a webhook (0)", acknowledgedWithoutWebhook);
            row(b, "webhook-ids that are not the event's id (0)", webhookIdNotTheEvent);
            row(b, "deliveries with a bad signature (0)", badSignatures);
            row(b, "events never published (0)", unpublishedEvents);
            row(b, "steps without their event (0)", stepsWithoutEvent);
            row(b, "events without their step (0)", eventsWithoutStep);
            row(b, "answers 5xx other than 503 (0)", serverErrors());
            row(b, "slowest 503 answer (ms)", slowest503Ms);
            b.append(String.format(Locale.ROOT, "%-58s %10s%n", "answers by status", answers));
            return b.toString();
        }

        private static void row(StringBuilder b, String name, long value) {
            b.append(String.format(Locale.ROOT, "%-58s %10d%n", name, value));
        }

        public String json() {
            String fs = faults.stream().map(f -> String.format(Locale.ROOT,
                    "{\"fault\":\"%s\",\"outageSeconds\":%.2f,\"recoverySeconds\":%.2f,\"readyDuringOutage\":%b,"
                            + "\"acknowledgedDuringOutage\":%d,\"refusedDuringOutage\":%d}",
                    f.fault(), f.outageSeconds(), f.recoverySeconds(), f.readyDuringOutage(), f
                            .acknowledgedDuringOutage(),
                    f.refusedDuringOutage())).collect(Collectors.joining(","));
            return String.format(Locale.ROOT, "{\"created\":%d,\"acknowledged\":%d,\"requestsStored\":%d,"
                    + "\"duplicateCreates\":%d,\"inboxEntries\":%d,\"inboxNotExactlyOnce\":%d,\"eventsOnTopic\":%d,"
                    + "\"acknowledgedMissingOnTopic\":%d,\"webhookDeliveries\":%d,\"webhookIdsDelivered\":%d,"
                    + "\"acknowledgedWithoutWebhook\":%d,\"webhookIdNotTheEvent\":%d,\"badSignatures\":%d,"
                    + "\"unpublishedEvents\":%d,\"stepsWithoutEvent\":%d,\"eventsWithoutStep\":%d,"
                    + "\"serverErrors\":%d,\"slowest503Ms\":%d,\"faults\":[%s]}", created, acknowledged, requestsStored,
                    duplicateCreates, inboxEntries, inboxNotExactlyOnce, eventsOnTopic, acknowledgedMissingOnTopic,
                    webhookDeliveries, webhookIdsDelivered, acknowledgedWithoutWebhook, webhookIdNotTheEvent,
                    badSignatures, unpublishedEvents, stepsWithoutEvent, eventsWithoutStep, serverErrors(),
                    slowest503Ms,
                    fs);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "eu.authorityhub.request.send.v1";
    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(3);

    private final Settings settings;
    private final Path dir;
    private final Path pgDir;
    private final int pgPort;
    private final Path kafkaDir;
    private final int kafkaPort;
    private final int controllerPort;
    private final String jdbc;
    private final String bootstrap;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(
            Duration.ofSeconds(2)).build();
    private Process broker;
    private EmbeddedPostgresServer database;
    private PackagedHub hub;

    private final List<String> requesters = new ArrayList<>();
    private final List<String> responders = new ArrayList<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong slowest503 = new java.util.concurrent.atomic.AtomicLong();

    public FaultDrill(Settings settings) throws IOException {
        this.settings = settings;
        this.dir = Files.createTempDirectory("hub-fault-drill-");
        this.pgDir = dir.resolve("pg");
        this.pgPort = HubInfrastructure.freePort();
        this.kafkaDir = dir.resolve("kafka");
        this.kafkaPort = HubInfrastructure.freePort();
        this.controllerPort = HubInfrastructure.freePort();
        this.jdbc = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
        this.bootstrap = "127.0.0.1:" + kafkaPort;
    }

    /** Starts everything, runs the load through the faults, waits for the hub to settle, and counts. */
    public Report run() throws Exception {
        database = EmbeddedPostgresServer.start(pgDir, pgPort);
        broker = BrokerProcess.start(kafkaDir, kafkaPort, controllerPort);
        hub = new PackagedHub(jdbc, bootstrap, dir.resolve("hub.log"), settings.hubJvm(), Map.of(
                "hub.webhooks.require-https", "false", "hub.webhooks.allowed-networks", "127.0.0.1/32",
                "hub.webhooks.timeout", "PT5S", "hub.outbox.publish-timeout", "3s"));
        hub.start(Duration.ofMinutes(2));
        directory();

        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            int k = i;
            // with several clients the last one is a national system using the bulk interface
            clients.add(pool.submit(() -> {
                if (k > 0 && k == settings.clients() - 1) {
                    bulkClient(requesters.get(k), responders.get(k));
                } else {
                    client(requesters.get(k), responders.get(k));
                }
                return null;
            }));
        }
        List<FaultReport> faults = new ArrayList<>();
        Exception failure = null;
        try {
            awaitAcknowledged(settings.perPhase());
            for (Fault f : settings.faults()) {
                faults.add(inject(f));
                awaitAcknowledged(settings.perPhase());
            }
        } catch (Exception e) {
            failure = e;
            aborted.set(true);
            throw e;
        } finally {
            loading.set(false);
            for (Future<?> c : clients) {
                try {
                    c.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        failure = e;
                        aborted.set(true);
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                }
            }
            pool.shutdown();
        }
        if (failure != null) {
            throw failure;
        }
        return count(faults);
    }

    // ------------------------------------------------------------------------------------------- faults

    private FaultReport inject(Fault fault) throws Exception {
        int ackBefore = acknowledged.size();
        int refusedBefore = refused.get();
        long t0 = System.nanoTime();
        boolean readyDuring;
        long restarted;
        switch (fault) {
            case HUB_SIGKILL -> {
                hub.kill();
                readyDuring = hub.ready();
                restarted = System.nanoTime();
                hub.start(Duration.ofMinutes(2)); // the only restart anyone does by hand: a killed process
            }
            case BROKER_SIGKILL -> {
                BrokerProcess.stop(broker.toHandle(), true);
                // the API keeps acknowledging (the outbox holds the events), readiness reports the outage
                Awaitility.await("readiness reports the broker outage").atMost(Duration.ofMinutes(1)).until(
                        () -> !hub.ready());
                readyDuring = false;
                System.out.printf(Locale.ROOT, "broker outage reported by readiness after %.1f s%n", (System
                        .nanoTime() - t0) / 1e9);
                awaitOutage(t0, () -> acknowledged.size() > ackBefore);
                System.out.printf(Locale.ROOT, "broker restarting after %.1f s, %d acknowledged meanwhile%n",
                        (System.nanoTime() - t0) / 1e9, acknowledged.size() - ackBefore);
                broker = BrokerProcess.start(kafkaDir, kafkaPort, controllerPort);
                restarted = System.nanoTime();
            }
            case DATABASE_STOP -> {
                database.close(); // PostgreSQL's fast shutdown: clients disconnected, then gone
                System.out.printf(Locale.ROOT, "database stopped after %.1f s%n", (System.nanoTime() - t0) / 1e9);
                readyDuring = hub.ready();
                awaitOutage(t0, () -> refused.get() > refusedBefore);
                System.out.printf(Locale.ROOT, "database restarting after %.1f s, %d refusals%n", (System.nanoTime()
                        - t0) / 1e9, refused.get() - refusedBefore);
                database = EmbeddedPostgresServer.start(pgDir, pgPort);
                restarted = System.nanoTime();
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
        double outage = (restarted - t0) / 1e9;
        int ackDuring = acknowledged.size() - ackBefore;
        int refusedDuring = refused.get() - refusedBefore;
        // recovered by itself: ready again, without anyone touching the hub
        Awaitility.await("the hub recovers from " + fault).atMost(Duration.ofMinutes(2)).pollInterval(Duration
                .ofMillis(50)).until(hub::ready);
        double recovery = (System.nanoTime() - restarted) / 1e9;
        System.out.printf(Locale.ROOT, "fault %s: down %.1f s, ready again %.1f s after the restart%n", fault, outage,
                recovery);
        return new FaultReport(fault, outage, recovery, readyDuring, ackDuring, refusedDuring);
    }

    /** The outage lasts at least the minimum, and until the load has shown it (what the condition says). */
    private void awaitOutage(long t0, java.util.concurrent.Callable<Boolean> seen) {
        Awaitility.await("the outage").atMost(settings.minOutage().plusMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.nanoTime() - t0 >= settings.minOutage().toNanos() && seen.call());
    }

    private void awaitAcknowledged(int more) {
        int target = acknowledged.size() + more;
        Awaitility.await("requests acknowledged").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!unexpected.isEmpty()) {
                        throw new IllegalStateException("unexpected answers: " + unexpected);
                    }
                    return acknowledged.size() >= target;
                });
    }

    // ------------------------------------------------------------------------------------------- load

    private void client(String requester, String responder) {
        String token = Tokens.backOffice(requester, Duration.ofHours(3));
        while (loading.get()) {
            String answer = untilAnswered(token, "/api/v1/requests", requestBody(responder), 201);
            if (answer == null) {
                return;
            }
            String id = field(answer, "id");
            created.add(id);
            if (untilAnswered(token, "/api/v1/requests/" + id + "/send", null, 200) != null) {
                acknowledged.add(id);
            }
        }
    }

    /**
     * Sends requests ten at a time through {@code POST /api/v1/requests/bulk} (created and sent at once), each item
     * with its own key. A call without an answer or with 503 is repeated with the same body; items refused because the
     * database failed after an earlier chunk committed go again, with their keys, in the next call.
     */
    private void bulkClient(String requester, String responder) throws IOException {
        String token = Tokens.backOffice(requester, Duration.ofHours(3));
        List<String> pending = new ArrayList<>();
        while (loading.get() || !pending.isEmpty()) {
            while (pending.size() < 10 && loading.get()) {
                pending.add("{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"send\":true,\"request\":"
                        + requestBody(responder) + "}");
            }
            String answer = untilAnswered(token, "/api/v1/requests/bulk", "{\"items\":[" + String.join(",", pending)
                    + "]}", 200);
            if (answer == null) {
                return;
            }
            List<String> again = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode item : JSON.readTree(answer).get("items")) {
                String outcome = item.path("outcome").asText();
                if (outcome.equals("CREATED") || outcome.equals("REPLAYED")) {
                    created.add(item.get("id").asText());
                    acknowledged.add(item.get("id").asText());
                } else if (item.path("problem").path("code").asText().equals("DATABASE_UNAVAILABLE")) {
                    again.add(pending.get(item.get("index").asInt()));
                } else {
                    unexpected.add("bulk item " + item);
                }
            }
            pending = again;
        }
    }

    private static String requestBody(String responder) {
        return """
                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                 "professional":{"familyName":"Nowak","givenNames":"Anna","birthDate":"1988-04-04"},
                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(responder, LocalDate.now()
                .plusDays(30));
    }

    /**
     * Posts with one Idempotency-Key until the hub gives a definite answer: no answer (the hub is down) and 503 are
     * retried with the same key. Returns the body of the expected answer, or null (and records it) for another one.
     */
    private String untilAnswered(String token, String path, String body, int expected) {
        String key = UUID.randomUUID().toString();
        String[] result = new String[1];
        Awaitility.await(path).atMost(ANSWER_WITHIN).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(
                Duration.ofMillis(100)).until(() -> {
                    if (aborted.get()) {
                        throw new IllegalStateException("the drill stopped");
                    }
                    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(hub.base() + path)).header(
                            "Authorization", "Bearer " + token).header("Idempotency-Key", key).timeout(Duration
                                    .ofSeconds(30));
                    r = body == null
                            ? r.POST(HttpRequest.BodyPublishers.noBody())
                            : r.header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body));
                    HttpResponse<String> response;
                    long t0 = System.nanoTime();
                    try {
                        response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        tally("no answer");
                        refused.incrementAndGet();
                        return false;
                    }
                    int status = response.statusCode();
                    tally(Integer.toString(status));
                    if (status == expected) {
                        result[0] = response.body();
                        return true;
                    }
                    if (status == 503) {
                        slowest503.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                        refused.incrementAndGet();
                        return false;
                    }
                    unexpected.add(path + " answered " + status + ": " + response.body());
                    return true;
                });
        return result[0];
    }

    private void tally(String status) {
        answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    // ------------------------------------------------------------------------------------------- set-up

    private void directory() throws Exception {
        String admin = Tokens.admin();
        for (int i = 0; i < settings.clients(); i++) {
            String nl = "NL-DRILL" + i;
            String pl = "PL-DRILL" + i;
            for (String[] a : new String[][]{{nl, "NL"}, {pl, "PL"}}) {
                post(admin, "/api/v1/authorities", """
                        {"code":"%s","memberState":"%s","name":"Drill %s","workingLanguages":["en"],
                         "professions":["NURSE"],"policyAreas":["PQ"]}""".formatted(a[0], a[1], a[0]), 201);
            }
            String subscription = post(Tokens.backOffice(pl, Duration.ofHours(1)), "/api/v1/webhooks", """
                    {"url":"%s","eventTypes":["%s"]}""".formatted(receiver.url("/" + pl), SEND), 201);
            secrets.put(pl, field(subscription, "secret"));
            requesters.add(nl);
            responders.add(pl);
        }
    }

    private String post(String token, String path, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.base() + path)).header(
                "Authorization", "Bearer " + token).header("Content-Type", "application/json").POST(
                        HttpRequest.BodyPublishers.ofString(body))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }

    // ------------------------------------------------------------------------------------------- counting

    private Report count(List<FaultReport> faults) throws Exception {
        Set<String> acked = Set.copyOf(acknowledged);
        UUID[] ackedIds = acked.stream().map(UUID::fromString).toArray(UUID[]::new);
        String[] ours = requesters.toArray(String[]::new);
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            // the hub settles by itself: every event published, every acknowledged send in the inbox, every webhook in
            Awaitility.await("events published and delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration
                    .ofMillis(250)).until(
                            () -> single(c, "select count(*) from outbox_message where published_at is"
                                    + " null", null) == 0
                                    && single(c, "select count(distinct case_id) from inbox_entry where"
                                            + " event_type = '" + SEND + "' and case_id = any (?)",
                                            ackedIds) == acked.size()
                                    && webhookCases(c, ackedIds).size() == acked.size());
            Map<UUID, UUID> sendEvents = sendEvents(c, ackedIds);
            long stored = single(c, "select count(*) from information_request where requester = any (?)", ours);
            String responderInbox = "inbox_entry i join information_request r on r.id = i.case_id and i.authority ="
                    + " r.responder where i.event_type = '" + SEND + "' and i.case_id = any (?)";
            long inbox = single(c, "select count(*) from " + responderInbox, ackedIds);
            long notOnce = acked.size() - single(c, "select count(*) from (select i.case_id from " + responderInbox
                    + " group by i.case_id having count(*) = 1) x", ackedIds);
            long unpublished = single(c, "select count(*) from outbox_message where published_at is null", null);
            long stepsWithoutEvent = single(c, "select count(*) from request_timeline t join information_request r on"
                    + " r.id = t.request_id where r.requester = any (?) and t.action not in ('CREATE', 'SAVE_ANSWERS',"
                    + " 'ATTACH') and not exists (select 1 from outbox_message o where o.event_id = t.event_id)",
                    ours);
            long eventsWithoutStep = single(c, "select count(*) from outbox_message o join information_request r on"
                    + " cast(r.id as text) = o.event_key where r.requester = any (?) and not exists (select 1 from"
                    + " request_timeline t where t.event_id = o.event_id)", ours);

            Map<String, Long> topic = topicSends(acked);
            long missingOnTopic = acked.stream().filter(id -> !topic.containsKey(id)).count();

            List<WebhookReceiver.Received> deliveries = receiver.received();
            Set<String> expectedIds = sendEvents.values().stream().map(UUID::toString).collect(Collectors.toSet());
            Set<String> webhookIds = new HashSet<>();
            long badSignatures = 0;
            for (WebhookReceiver.Received d : deliveries) {
                String id = d.header("webhook-id");
                webhookIds.add(id);
                String responder = d.header(":path").substring(1);
                if (StandardWebhooks.verifiedV1(secrets.get(responder), id, d.header("webhook-timestamp"), d.body(),
                        d.header("webhook-signature")) < 1) {
                    badSignatures++;
                }
            }
            long withoutWebhook = expectedIds.stream().filter(id -> !webhookIds.contains(id)).count();
            long notTheEvent = webhookIds.stream().filter(id -> !expectedIds.contains(id)).count();

            Map<String, Integer> byStatus = new TreeMap<>();
            answers.forEach((k, v) -> byStatus.put(k, v.get()));
            return new Report(created.size(), acked.size(), stored, created.size() - new HashSet<>(created).size(),
                    inbox, notOnce, topic.values().stream().mapToLong(Long::longValue).sum(), missingOnTopic,
                    deliveries.size(), webhookIds.size(), withoutWebhook, notTheEvent, badSignatures, unpublished,
                    stepsWithoutEvent, eventsWithoutStep, byStatus, slowest503.get(), List.copyOf(unexpected), faults);
        }
    }

    private Set<String> webhookCases(Connection c, UUID[] ids) throws SQLException {
        Set<String> delivered = receiver.received().stream().map(d -> d.header("webhook-id")).collect(Collectors
                .toSet());
        return sendEvents(c, ids).entrySet().stream().filter(e -> delivered.contains(e.getValue().toString())).map(
                e -> e.getKey().toString()).collect(Collectors.toSet());
    }

    /** The send event of each request, as the inbox recorded it. */
    private static Map<UUID, UUID> sendEvents(Connection c, UUID[] ids) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select distinct case_id, event_id from inbox_entry where"
                + " event_type = '" + SEND + "' and case_id = any (?)")) {
            p.setArray(1, c.createArrayOf("uuid", ids));
            Map<UUID, UUID> m = new HashMap<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
            return m;
        }
    }

    static long single(Connection c, String sql, Object[] array) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (array != null) {
                p.setArray(1, c.createArrayOf(array instanceof UUID[] ? "uuid" : "text", array));
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Send events of the acknowledged requests on the responders' member-state topic: request id to copies. */
    private Map<String, Long> topicSends(Set<String> acked) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Long> seen = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor("hub.ms.pl").stream().map(i -> new TopicPartition(
                    i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Awaitility.await("the member-state topic read to its end").atMost(Duration.ofMinutes(2)).pollInSameThread()
                    .pollInterval(Duration.ZERO).until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            if (acked.contains(r.key()) && r.value().contains(SEND)) {
                                seen.merge(r.key(), 1L, Long::sum);
                            }
                        }
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return seen;
    }

    /** The hub's log outlives the drill's directory, for the incidents an unexpected answer names. */
    private void keepHubLog() {
        Path log = dir.resolve("hub.log");
        Path kept = Path.of("target", "fault-drill-hub.log");
        try {
            if (Files.exists(log)) {
                Files.createDirectories(kept.getParent());
                Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("the hub's log of this drill: " + kept);
            }
        } catch (IOException e) {
            System.err.println("could not keep the hub's log: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        loading.set(false);
        if (hub != null) {
            hub.stop();
        }
        if (broker != null) {
            BrokerProcess.stop(broker.toHandle(), false);
        }
        receiver.close();
        try {
            if (database != null) {
                database.close();
            }
            EmbeddedPostgresServer.stopLeftover(pgDir);
            keepHubLog();
            HubInfrastructure.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("could not stop the drill's PostgreSQL: " + e.getMessage());
        }
    }
}
