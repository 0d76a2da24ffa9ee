package eu.authorityhub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.embedded.EmbeddedPostgresServer;
import eu.authorityhub.testing.BrokerProcess;
import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.PackagedHub;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.WebhookReceiver;

/**
 * Two packaged hubs on one PostgreSQL and one Kafka broker (tag "packaged"), under load through both: back-office
 * systems of both sides create, send and accept requests, an issuer broadcasts alerts, unaccepted requests' deadline
 * timers come due (seconds, not days, in this test), and every send is pushed to a real webhook receiver. One replica
 * is killed with SIGKILL mid-load and started again. Clients go to either replica and retry on the other with the same
 * Idempotency-Key when one does not answer, as a load balancer with retries would. Counted afterwards from PostgreSQL,
 * the topics and the receiver.
 */
@Tag("packaged")
class TwoReplicasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "eu.authorityhub.request.send.v1";
    private static final String ALERT = "eu.authorityhub.alert.broadcast.v1";
    private static final List<String> DEADLINE_EVENTS = List.of("eu.authorityhub.deadline.reminder.v1",
            "eu.authorityhub.deadline.overdue.v1", "eu.authorityhub.deadline.escalated.v1");
    private static final int PAIRS = 2;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(
            Duration.ofSeconds(2)).build();
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<PackagedHub> hubs = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final AtomicInteger creates = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> alerts = ConcurrentHashMap.newKeySet();
    private Path dir;
    private EmbeddedPostgresServer database;
    private Process broker;
    private String jdbc;
    private String bootstrap;

    @Test
    void twoReplicasShareTheWorkAndTheSurvivorCarriesOnWhenOneIsKilled() throws Exception {
        dir = Files.createTempDirectory("hub-two-replicas-");
        int pgPort = HubInfrastructure.freePort();
        database = EmbeddedPostgresServer.start(dir.resolve("pg"), pgPort);
        jdbc = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
        int kafkaPort = HubInfrastructure.freePort();
        broker = BrokerProcess.start(dir.resolve("kafka"), kafkaPort, HubInfrastructure.freePort());
        bootstrap = "127.0.0.1:" + kafkaPort;
        Map<String, String> settings = Map.of("hub.webhooks.require-https", "false", "hub.webhooks.allowed-networks",
                "127.0.0.1/32", "hub.deadlines.acceptance", "PT8S", "hub.deadlines.reminder-before", "PT4S",
                "hub.deadlines.escalate-after", "PT2S", "hub.deadlines.poll-interval", "200ms");
        // both replicas start at once, as a deployment of two does (migrations and topics created by whichever
        // comes first)
        ExecutorService starting = Executors.newFixedThreadPool(2);
        List<Future<Double>> started = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            PackagedHub hub = new PackagedHub(jdbc, bootstrap, dir.resolve("hub-" + name + ".log"),
                    PackagedHub.DEFAULT_JVM, settings);
            hubs.add(hub);
            started.add(starting.submit(() -> hub.start(Duration.ofMinutes(2))));
        }
        for (Future<Double> f : started) {
            f.get();
        }
        starting.shutdown();
        List<String[]> pairs = directory();

        ExecutorService pool = Executors.newFixedThreadPool(PAIRS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (String[] pair : pairs) {
            clients.add(pool.submit(() -> exchange(pair[0], pair[1])));
        }
        clients.add(pool.submit(this::broadcast));
        awaitSent(30);

        PackagedHub killed = hubs.get(0);
        int sentBefore = sent.size();
        killed.kill();
        OffsetDateTime killedAt = OffsetDateTime.now();
        awaitSent(sentBefore + 30);
        double restart = killed.start(Duration.ofMinutes(2));
        System.out.println("readiness of the restarted replica: " + killed.readiness());
        awaitSent(sent.size() + 20);
        // a clean stop under load (a rolling restart): readiness DOWN, requests finished, consumers leave their groups
        double stop = hubs.get(1).terminate();
        awaitSent(sent.size() + 10);
        loading.set(false);
        for (Future<?> c : clients) {
            c.get();
        }
        pool.shutdown();
        System.out.printf("replica a killed after %d sends and started again in %.1f s; replica b stopped by SIGTERM"
                + " under load in %.1f s; %d sent, %d alerts%n", sentBefore, restart, stop, sent.size(), alerts.size());
        assertThat(stop).as("seconds from SIGTERM to exit under load").isLessThan(10);

        assertThat(unexpected).as("answers other than the expected and 503").isEmpty();
        assertThat(answers.keySet()).as("status codes seen: " + answers).allMatch(s -> !s.startsWith("5") || s
                .equals("503"));

        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            UUID[] sentIds = sent.stream().map(UUID::fromString).toArray(UUID[]::new);
            String[] requesters = pairs.stream().map(p -> p[0]).toArray(String[]::new);
            Set<String> unaccepted = sent.stream().filter(id -> !accepted.contains(id)).collect(Collectors.toSet());
            UUID[] unacceptedIds = unaccepted.stream().map(UUID::fromString).toArray(UUID[]::new);
            // the replicas settle by themselves: all published, every send in its inbox and at the webhook, every
            // timer of an unaccepted request through its three stages
            Awaitility.await("everything published, delivered and fired").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250)).until(() -> FaultDrill.single(c,
                            "select count(*) from outbox_message where published_at is null", null) == 0
                            && FaultDrill.single(c,
                                    "select count(distinct case_id) from inbox_entry where event_type = '" + SEND
                                            + "' and case_id = any (?)",
                                    sentIds) == sent.size()
                            && webhookIds().containsAll(sendEventIds(c, sentIds).values())
                            && FaultDrill.single(c, "select count(*) from deadline_timer where kind = 'ACCEPTANCE' and"
                                    + " escalated_at is not null and case_id = any (?)", unacceptedIds) == unaccepted
                                            .size());

            // every acknowledged request stored once
            assertThat(FaultDrill.single(c, "select count(*) from information_request where requester = any (?)",
                    requesters))
                    .as("requests stored").isEqualTo(created.size()).isEqualTo(creates.get());
            assertThat(FaultDrill.single(c,
                    "select count(*) from (select case_id from inbox_entry i join information_request r"
                            + " on r.id = i.case_id and i.authority = r.responder where i.event_type = '" + SEND
                            + "' and i.case_id = any (?) group by case_id having count(*) = 1) x",
                    sentIds))
                    .as("sends in the responder's inbox exactly once").isEqualTo(sent.size());
            assertThat(FaultDrill.single(c, "select count(*) from alert where id = any (?)",
                    alerts.stream().map(UUID::fromString)
                            .toArray(UUID[]::new)))
                    .as("alerts stored").isEqualTo(alerts.size());

            // every timer fired exactly once: one event per stage of each unaccepted request's acceptance timer
            Map<String, Long> firings = deadlineEvents(c, unacceptedIds);
            assertThat(firings).as("deadline events per case and stage").hasSize(unaccepted.size() * 3);
            assertThat(firings.values()).as("firings of one stage").containsOnly(1L);

            // the survivor continued within 10 s: publication and firing lag for what came due after the kill
            double relayLag = seconds(c, "select coalesce(max(extract(epoch from published_at - created_at)), 0)"
                    + " from outbox_message where created_at between ? and ? + interval '20 seconds'", killedAt);
            double engineLag = seconds(c, "select coalesce(max(extract(epoch from overdue_at - due_at)), 0) from"
                    + " deadline_timer where due_at between ? and ? + interval '20 seconds'", killedAt);
            System.out.printf("after the kill: relay lag %.2f s, deadline engine lag %.2f s%n", relayLag, engineLag);
            assertThat(relayLag).as("seconds from commit to Kafka after the kill").isLessThan(10);
            assertThat(engineLag).as("seconds from due to overdue notice after the kill").isLessThan(10);

            // every event on its topic, per-case order kept (first copies in the outbox's order)
            Map<String, List<String>> expected = outboxOrder(c, "hub.request.events", sentIds);
            Map<String, List<String>> onTopic = firstCopies("hub.request.events", expected.keySet());
            assertThat(onTopic).as("request events on hub.request.events in each case's order").isEqualTo(expected);
            Map<String, List<String>> alertEvents = outboxOrder(c, "hub.alert.events", alerts.stream().map(
                    UUID::fromString).toArray(UUID[]::new));
            assertThat(firstCopies("hub.alert.events", alertEvents.keySet())).isEqualTo(alertEvents);

            // every webhook id delivered at least once, and each is an event's id
            Set<String> delivered = webhookIds();
            assertThat(delivered).containsAll(sendEventIds(c, sentIds).values());
            assertThat(delivered).as("webhook ids that are not a send event of these requests").isSubsetOf(
                    sendEventIds(c, sentIds).values());
        }
    }

    // ----------------------------------------------------------------------------------------------------- load

    /** A requester's back office creates and sends; the responder's accepts every other request. */
    private void exchange(String requester, String responder) {
        String asker = Tokens.backOffice(requester, Duration.ofHours(1));
        String answerer = Tokens.backOffice(responder, Duration.ofHours(1));
        int n = 0;
        while (loading.get()) {
            JsonNode made = call(asker, "/api/v1/requests", """
                    {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                     "professional":{"familyName":"Visser","givenNames":"Eva","birthDate":"1985-02-03"},
                     "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(responder, LocalDate.now()
                    .plusDays(30)), 201);
            if (made == null) {
                return;
            }
            String id = made.path("id").asText();
            creates.incrementAndGet();
            created.add(id);
            if (call(asker, "/api/v1/requests/" + id + "/send", null, 200) == null) {
                return;
            }
            sent.add(id);
            if (n++ % 2 == 0) {
                if (call(answerer, "/api/v1/requests/" + id + "/accept", "{}", 200) == null) {
                    return;
                }
                accepted.add(id);
            }
        }
    }

    private void broadcast() {
        String issuer = Tokens.backOffice("NL-TWO-ALERTS", Duration.ofHours(1));
        int n = 0;
        while (loading.get()) {
            LocalDate decision = LocalDate.now().minusDays(n++); // one alert per decision
            JsonNode alert = call(issuer, "/api/v1/alerts", """
                    {"professional":{"familyName":"Jansen","givenNames":"Rik","birthDate":"1970-01-02"},
                     "profession":"MIDWIFE","type":"RESTRICTION_OR_PROHIBITION","scope":"FULL_PROHIBITION",
                     "decidingBody":"Disciplinary board","decisionDate":"%s","periodFrom":"%s"}""".formatted(decision,
                    decision), 201);
            if (alert == null) {
                return;
            }
            alerts.add(alert.path("id").asText());
        }
    }

    /**
     * One POST with one Idempotency-Key, to the replicas in turn: no answer or 503 from one is retried on the next.
     * Returns the answer, or null after recording an unexpected one.
     */
    private JsonNode call(String token, String path, String body, int expected) {
        String key = UUID.randomUUID().toString();
        JsonNode[] result = new JsonNode[1];
        Awaitility.await(path).atMost(Duration.ofMinutes(2)).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(
                Duration.ofMillis(50)).until(() -> {
                    PackagedHub hub = hubs.get(Math.floorMod(turn.getAndIncrement(), hubs.size()));
                    if (!hub.alive()) {
                        return false; // a stopped replica: the next turn goes to the other one
                    }
                    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(hub.base() + path)).timeout(Duration
                            .ofSeconds(20)).header("Authorization", "Bearer " + token).header("Idempotency-Key", key);
                    r = body == null
                            ? r.POST(HttpRequest.BodyPublishers.noBody())
                            : r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                    body));
                    HttpResponse<String> response;
                    try {
                        response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        answers.computeIfAbsent("no answer", s -> new AtomicInteger()).incrementAndGet();
                        return false;
                    }
                    answers.computeIfAbsent(Integer.toString(response.statusCode()), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (response.statusCode() == 503) {
                        return false;
                    }
                    if (response.statusCode() == expected) {
                        result[0] = JSON.readTree(response.body());
                    } else {
                        unexpected.add(path + " answered " + response.statusCode() + ": " + response.body());
                    }
                    return true;
                });
        return result[0];
    }

    private void awaitSent(int target) {
        Awaitility.await("requests sent").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(
                () -> {
                    assertThat(unexpected).isEmpty();
                    return sent.size() >= target;
                });
    }

    // ----------------------------------------------------------------------------------------------------- set-up

    private List<String[]> directory() throws Exception {
        String admin = Tokens.admin();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String nl = "NL-TWO" + i;
            String pl = "PL-TWO" + i;
            authority(admin, nl, "NL", "\"professions\":[\"NURSE\"],\"policyAreas\":[\"PQ\"]");
            authority(admin, pl, "PL", "\"professions\":[\"NURSE\"],\"policyAreas\":[\"PQ\"]");
            call(Tokens.backOffice(pl, Duration.ofHours(1)), "/api/v1/webhooks", """
                    {"url":"%s","eventTypes":["%s"]}""".formatted(receiver.url("/" + pl), SEND), 201);
            pairs.add(new String[]{nl, pl});
        }
        authority(admin, "NL-TWO-ALERTS", "NL", "\"professions\":[\"MIDWIFE\"],\"alerts\":\"SEND_AND_RECEIVE\"");
        authority(admin, "PL-TWO-ALERTS", "PL", "\"professions\":[\"MIDWIFE\"],\"alerts\":\"SEND_AND_RECEIVE\"");
        assertThat(unexpected).isEmpty();
        return pairs;
    }

    private void authority(String admin, String code, String state, String more) {
        call(admin, "/api/v1/authorities", """
                {"code":"%s","memberState":"%s","name":"Replica test %s","workingLanguages":["en"],%s}"""
                .formatted(code, state, code, more), 201);
    }

    // ----------------------------------------------------------------------------------------------------- counting

    private Set<String> webhookIds() {
        return receiver.received().stream().map(d -> d.header("webhook-id")).collect(Collectors.toSet());
    }

    private static Map<UUID, String> sendEventIds(Connection c, UUID[] ids) throws SQLException {
        Map<UUID, String> m = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select event_key, event_id from outbox_message where"
                + " event_type = '" + SEND
                + "' and topic = 'hub.request.events' and cast(event_key as uuid) = any (?)")) {
            p.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    m.put(UUID.fromString(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return m;
    }

    /** Deadline events of the cases, counted per case and event type. */
    private static Map<String, Long> deadlineEvents(Connection c, UUID[] ids) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("select event_key, event_type, count(*) from outbox_message"
                + " where topic = 'hub.deadline.events' and event_type = any (?) and cast(event_key as uuid) = any (?)"
                + " group by event_key, event_type")) {
            p.setArray(1, c.createArrayOf("text", DEADLINE_EVENTS.toArray()));
            p.setArray(2, c.createArrayOf("uuid", ids));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return m;
    }

    /** Each case's event ids on the topic in the order the outbox recorded them. */
    private static Map<String, List<String>> outboxOrder(Connection c, String topic, UUID[] ids) throws SQLException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select event_key, event_id from outbox_message where topic = ?"
                + " and cast(event_key as uuid) = any (?) order by seq")) {
            p.setString(1, topic);
            p.setArray(2, c.createArrayOf("uuid", ids));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return m;
    }

    /** Each case's event ids as first seen on the topic, read from the beginning to the end. */
    private Map<String, List<String>> firstCopies(String topic, Set<String> keys) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<String>> seen = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(i
                    .topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Awaitility.await(topic + " read to its end").atMost(Duration.ofMinutes(1)).pollInSameThread()
                    .pollInterval(Duration.ZERO).until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            if (keys.contains(r.key())) {
                                String id = JSON.readTree(r.value()).path("id").asText();
                                List<String> ids = seen.computeIfAbsent(r.key(), k -> new ArrayList<>());
                                if (!ids.contains(id)) {
                                    ids.add(id);
                                }
                            }
                        }
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        keys.forEach(k -> ordered.put(k, seen.getOrDefault(k, List.of())));
        return ordered;
    }

    private static double seconds(Connection c, String sql, OffsetDateTime from) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, from);
            p.setObject(2, from);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    @AfterEach
    void stopEverything() throws IOException {
        loading.set(false);
        hubs.forEach(PackagedHub::stop);
        receiver.close();
        if (broker != null) {
            BrokerProcess.stop(broker.toHandle(), false);
        }
        if (database != null) {
            database.close();
        }
        if (dir != null) {
            for (String name : List.of("a", "b")) {
                Path log = dir.resolve("hub-" + name + ".log");
                if (Files.exists(log)) {
                    Files.createDirectories(Path.of("target"));
                    Files.copy(log, Path.of("target", "two-replicas-hub-" + name + ".log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            EmbeddedPostgresServer.stopLeftover(dir.resolve("pg"));
            HubInfrastructure.deleteTree(dir);
        }
    }
}
