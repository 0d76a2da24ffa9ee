package eu.authorityhub.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.authorityhub.embedded.ChildHub;
import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.PackagedHub;
import eu.authorityhub.testing.Tokens;

/**
 * Benchmark, not a test (tag "bench", run by bench/run after packaging): the packaged hub in its own JVM (production
 * profile), with Kafka and PostgreSQL in another JVM, and the load generator in this one, all on this machine.
 * <ul>
 * <li>footprint: time from process start to ready, resident memory once ready and at its peak under load;</li>
 * <li>request exchanges (create, send, accept, answer through the HTTP API with signed tokens) over a concurrency
 * sweep: exchanges per second until every one is in the responder's inbox and on its member-state topic, API latency
 * p50/p99, beside the PostgreSQL single-row commit rate and the Kafka produce rate measured on the same servers;</li>
 * <li>"a year of IMI in a minute": 107,291 requests created, sent and routed end to end, through the bulk interface
 * ({@code POST /api/v1/requests/bulk}, {@value #BULK_CLIENTS} national systems, {@code -Dbench.bulk} items per
 * call).</li>
 * </ul>
 */
@Tag("bench")
class ExchangeBench {

    static final int YEAR_OF_IMI = Integer.getInteger("bench.year", 107_291);
    /** Items per bulk call in the year of IMI ({@code -Dbench.bulk=500}). */
    static final int BULK = Integer.getInteger("bench.bulk", 500);
    static final int BULK_CLIENTS = 4;
    /** The client counts of the sweep ({@code -Dbench.sweep=1,16}). */
    static final int[] SWEEP = java.util.Arrays.stream(System.getProperty("bench.sweep", "1,4,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final Duration LEVEL = Duration.ofSeconds(15);
    /**
     * Unmeasured load after each start ({@code -Dbench.warmup=60}, seconds, 4 clients): a just-started JVM compiles
     * for about a minute, and on two cores its compiler threads take more than half of the machine (jdk.CompilerStatistics
     * in a JFR recording), so a shorter warm-up measures the JIT, not the hub.
     */
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 60));
    static final String DB_USER = System.getProperty("bench.db.user", "postgres");
    static final String DB_PASSWORD = System.getProperty("bench.db.password", "postgres");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;
    private String jdbc;
    private String bootstrap;
    private final List<String> requesters = new ArrayList<>();
    private final List<String> responders = new ArrayList<>();

    @Test
    void exchangesFootprintAndAYearOfImi() throws Exception {
        Path dir = Files.createTempDirectory("hub-bench");
        Process infra = null;
        PackagedHub hub = null;
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            if (System.getProperty("bench.jdbc") != null && System.getProperty("bench.kafka") != null) {
                // external servers: an empty database of its own (the hub migrates it; bench.db.user and
                // bench.db.password, postgres by default) and a broker on which the hub may create its topics
                jdbc = System.getProperty("bench.jdbc");
                bootstrap = System.getProperty("bench.kafka");
                System.out.println("external servers: " + jdbc + ", " + bootstrap);
            } else {
                infra = startInfrastructure(dir);
            }
            double pgRate = commitRate(5_000);
            double kafkaRate = produceRate(50_000);
            out.put("pgCommitsPerSecond", Math.round(pgRate));
            out.put("kafkaProducePerSecond", Math.round(kafkaRate));

            String jvm = System.getProperty("bench.hub.jvm", PackagedHub.DEFAULT_JVM);
            hub = new PackagedHub(jdbc, bootstrap, dir.resolve("hub.log"), jvm, Map.of("quarkus.datasource.username",
                    DB_USER, "quarkus.datasource.password", DB_PASSWORD));
            base = hub.base();
            double readySeconds = hub.start(Duration.ofMinutes(2));
            out.put("startToReadySeconds", round(readySeconds));
            directory(16);
            hub.stop();
            double restartAotSeconds = Double.NaN;
            long rssReadyAot = -1;
            if (Runtime.version().feature() >= 25) {
                // JDK 25's ahead-of-time cache (JEP 483/514): one training run that starts the hub and serves a few
                // exchanges writes the cache when it stops; later starts load classes linked and methods profiled
                Path cache = dir.resolve("hub.aot");
                hub.jvmOptions(jvm + " -XX:AOTCacheOutput=" + cache);
                hub.start(Duration.ofMinutes(2));
                exchanges(1, Duration.ofSeconds(5), new ArrayList<>());
                hub.stop();
                hub.jvmOptions(jvm + " -XX:AOTCache=" + cache);
                restartAotSeconds = hub.start(Duration.ofMinutes(2));
                rssReadyAot = hub.rssKib();
                out.put("restartToReadyAotCacheSeconds", round(restartAotSeconds));
                out.put("rssReadyAotCacheMb", rssReadyAot / 1024);
                hub.stop();
                hub.jvmOptions(jvm);
            }
            // a restart on the same database and broker: migrations applied, topics there (the usual start); the
            // load runs on this hub, without the cache (whose mapping adds to the resident set)
            double restartSeconds = hub.start(Duration.ofMinutes(2));
            out.put("restartToReadySeconds", round(restartSeconds));
            long rssReady = hub.rssKib();
            System.out.printf(Locale.ROOT, "hub first start %.2f s, restart %.2f s (%d MB resident), restart with AOT"
                    + " cache %.2f s (%d MB); PostgreSQL %.0f commits/s, Kafka %.0f records/s%n", readySeconds,
                    restartSeconds, rssReady / 1024, restartAotSeconds, rssReadyAot / 1024, pgRate, kafkaRate);
            out.put("rssReadyMb", rssReady / 1024);
            RssSampler sampler = new RssSampler(hub);
            sampler.start();
            long earlierPeak = 0;

            exchanges(4, WARMUP, new ArrayList<>()); // warm-up, not reported
            List<Map<String, Object>> levels = new ArrayList<>();
            for (int c : SWEEP) {
                levels.add(level(c, pgRate, kafkaRate));
            }
            out.put("sweep", levels.stream().map(ExchangeBench::json).toList());
            System.out.println("peak resident memory so far: " + sampler.peak / 1024 + " MB");
            List<Map<String, Object>> accessLog = new ArrayList<>();
            if (Boolean.parseBoolean(System.getProperty("bench.access-log", "true"))) {
                // what the access log costs: the same levels on a hub restarted without it, then with it again
                // (both after a restart and the same warm-up, so that the pair differs in the log alone)
                sampler.stop();
                earlierPeak = sampler.peak;
                for (boolean on : new boolean[]{false, true}) {
                    hub.stop();
                    hub.set("hub.access-log.enabled", Boolean.toString(on));
                    hub.start(Duration.ofMinutes(2));
                    exchanges(4, WARMUP, new ArrayList<>());
                    for (int c : new int[]{1, 16}) {
                        Map<String, Object> l = level(c, pgRate, kafkaRate);
                        l.put("accessLog", on);
                        accessLog.add(l);
                    }
                }
                out.put("accessLog", accessLog.stream().map(ExchangeBench::json).toList());
                sampler = new RssSampler(hub);
                sampler.start();
            }
            double year = yearOfImi(BULK_CLIENTS);
            out.put("yearOfImiRequests", YEAR_OF_IMI);
            out.put("yearOfImiSeconds", round(year));
            sampler.stop();
            long peak = Math.max(earlierPeak, sampler.peak);
            out.put("rssPeakUnderLoadMb", peak / 1024);
            System.out.printf(Locale.ROOT, "%n%-62s %14s%n", "exchange scenario", "figure");
            System.out.printf(Locale.ROOT, "%-62s %14.0f%n", "PostgreSQL single-row commits/s (1 client, same run)",
                    pgRate);
            System.out.printf(Locale.ROOT, "%-62s %14.0f%n", "Kafka produce records/s (1 KiB, acks=all, same run)",
                    kafkaRate);
            System.out.printf(Locale.ROOT, "%-62s %13.2fs%n", "hub first start to ready (migrations, topics created)",
                    readySeconds);
            System.out.printf(Locale.ROOT, "%-62s %13.2fs%n",
                    "hub restart to ready (Kafka, PostgreSQL external; < 3 s)", restartSeconds);
            System.out.printf(Locale.ROOT, "%-62s %13.2fs%n", "hub restart to ready with the AOT cache (JDK 25+)",
                    restartAotSeconds);
            System.out.printf(Locale.ROOT, "%-62s %12dMB%n", "hub resident memory once ready, with the AOT cache",
                    rssReadyAot / 1024);
            System.out.printf(Locale.ROOT, "%-62s %12dMB%n", "hub resident memory once ready", rssReady / 1024);
            System.out.printf(Locale.ROOT, "%-62s %12dMB%n", "hub resident memory, peak under load (<= 400 MB)",
                    peak / 1024);
            System.out.printf(Locale.ROOT, "%n%-8s %12s %14s %10s %10s %12s %12s%n", "clients", "exchanges",
                    "exchanges/s", "api p50", "api p99", "/pg commit", "/kafka rec");
            for (Map<String, Object> l : levels) {
                System.out.printf(Locale.ROOT, "%-8s %12s %14.1f %8.1fms %8.1fms %12.3f %12.4f%n", l.get("clients"),
                        l.get("exchanges"), (double) l.get("exchangesPerSecond"), (double) l.get("apiP50Ms"),
                        (double) l.get("apiP99Ms"), (double) l.get("perPgCommitRate"),
                        (double) l.get("perKafkaRate"));
            }
            if (!accessLog.isEmpty()) {
                System.out.printf(Locale.ROOT, "%naccess log's cost (restarted hubs; target: p99 with the log at most"
                        + " 1.10 x without)%n%-8s %-10s %14s %10s %10s%n", "clients", "access log", "exchanges/s",
                        "api p50", "api p99");
                for (Map<String, Object> l : accessLog) {
                    System.out.printf(Locale.ROOT, "%-8s %-10s %14.1f %8.1fms %8.1fms%n", l.get("clients"),
                            (boolean) l.get("accessLog") ? "on" : "off", (double) l.get("exchangesPerSecond"),
                            (double) l.get("apiP50Ms"), (double) l.get("apiP99Ms"));
                }
                for (int i = 0; i < accessLog.size() / 2; i++) {
                    Map<String, Object> off = accessLog.get(i);
                    Map<String, Object> on = accessLog.get(i + accessLog.size() / 2);
                    double ratio = (double) on.get("apiP99Ms") / (double) off.get("apiP99Ms");
                    out.put("accessLogP99Ratio" + on.get("clients"), round(ratio));
                    System.out.printf(Locale.ROOT, "%-62s %14.2f%n", "api p99 with / without the access log, "
                            + on.get("clients") + " client(s) (<= 1.10)", ratio);
                }
            }
            System.out.printf(Locale.ROOT, "%n%-62s %13.1fs%n", "a year of IMI: " + YEAR_OF_IMI
                    + " requests sent and routed (< 60 s)", year);
            System.out.printf(Locale.ROOT, "%-62s %14.0f%n", "  (bulk calls of " + BULK + " items by " + BULK_CLIENTS
                    + " systems) requests/s", YEAR_OF_IMI / year);
            System.out.printf(Locale.ROOT, "%-62s %14.2f%n", "  requests/s per PostgreSQL commit/s (60 s needs "
                    + String.format(Locale.ROOT, "%.2f", YEAR_OF_IMI / 60.0 / pgRate) + ")",
                    YEAR_OF_IMI / year
                            / pgRate);
            Path file = Path.of("bench", "results", "exchange.json");
            Files.createDirectories(file.getParent());
            StringBuilder json = new StringBuilder("{");
            out.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(v));
            Files.writeString(file, json.append('}').toString());
            System.out.println("written: " + file);
        } finally {
            if (hub != null) {
                hub.stop();
            }
            stop(infra);
            // the infrastructure JVM's PostgreSQL is a process of its own: stop it too (smart shutdown)
            Path pid = dir.resolve("infra").resolve("postgres").resolve("postmaster.pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(
                        ProcessHandle::destroy);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- scenarios

    private Map<String, Object> level(int clients, double pgRate, double kafkaRate) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (KafkaConsumer<String, String> topic = consumer("hub.ms.pl")) {
            long t0 = System.nanoTime();
            long[] latencies = exchanges(clients, LEVEL, ids);
            awaitRouted(ids, topic, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = ids.size() / seconds;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("exchanges", ids.size());
            m.put("exchangesPerSecond", rate);
            m.put("apiP50Ms", percentile(latencies, 0.50) / 1e6);
            m.put("apiP99Ms", percentile(latencies, 0.99) / 1e6);
            m.put("perPgCommitRate", rate / pgRate);
            m.put("perKafkaRate", rate / kafkaRate);
            System.out.println("exchange level: " + json(m)); // printed at once, so that a later failure keeps it
            return m;
        }
    }

    /** Complete exchanges for the given time with this many clients; returns the API call latencies (ns). */
    private long[] exchanges(int clients, Duration duration, List<String> ids) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int k = c;
            running.add(pool.submit(() -> {
                String requester = requesters.get(k % requesters.size());
                String responder = responders.get(k % responders.size());
                String asRequester = token(requester);
                String asResponder = token(responder);
                while (System.nanoTime() < end) {
                    String id = create(asRequester, responder, latencies);
                    call(asRequester, "/api/v1/requests/" + id + "/send", null, 200, latencies);
                    ids.add(id);
                    call(asResponder, "/api/v1/requests/" + id + "/accept", "{}", 200, latencies);
                    call(asResponder, "/api/v1/requests/" + id + "/answer",
                            "{\"answers\":[{\"position\":1,\"value\":true}]}", 200, latencies);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * 107,291 requests created and sent through the bulk interface by national systems, until each is in its
     * responder's inbox and topic.
     */
    private double yearOfImi(int clients) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>(YEAR_OF_IMI));
        AtomicInteger left = new AtomicInteger(YEAR_OF_IMI);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (KafkaConsumer<String, String> topic = consumer("hub.ms.pl")) {
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int k = c;
                running.add(pool.submit(() -> {
                    String requester = requesters.get(k % requesters.size());
                    String responder = responders.get(k % responders.size());
                    String token = token(requester);
                    int before;
                    while ((before = left.getAndAdd(-BULK)) > 0) {
                        StringBuilder body = new StringBuilder("{\"items\":[");
                        for (int i = 0; i < Math.min(BULK, before); i++) {
                            body.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"").append(UUID.randomUUID())
                                    .append("\",\"send\":true,\"request\":").append(requestBody(responder))
                                    .append('}');
                        }
                        String answer = call(token, "/api/v1/requests/bulk", body.append("]}").toString(), 200, null);
                        for (com.fasterxml.jackson.databind.JsonNode item : json.readTree(answer).get("items")) {
                            if (!"CREATED".equals(item.path("outcome").asText())) {
                                throw new IllegalStateException("bulk item not created: " + item);
                            }
                            ids.add(item.get("id").asText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            awaitRouted(ids, topic, Duration.ofMinutes(20));
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** A back-office token for the authority, valid for three hours (the default ten minutes end mid-run). */
    private static String token(String authority) {
        return Tokens.backOffice(authority, Duration.ofHours(3));
    }

    private String create(String token, String responder, ConcurrentLinkedQueue<Long> latencies) throws Exception {
        String answer = call(token, "/api/v1/requests", requestBody(responder), 201, latencies);
        int i = answer.indexOf("\"id\":\"") + 6;
        return answer.substring(i, answer.indexOf('"', i));
    }

    private static String requestBody(String responder) {
        return """
                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                 "professional":{"familyName":"Nowak","givenNames":"Anna","birthDate":"1988-04-04"},
                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(responder,
                LocalDate.now().plusDays(30));
    }

    private String call(String token, String path, String body, int expected, ConcurrentLinkedQueue<Long> latencies)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer "
                + token).timeout(Duration.ofSeconds(30));
        r = body == null
                ? r.POST(HttpRequest.BodyPublishers.noBody())
                : r.header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (latencies != null) {
            latencies.add(System.nanoTime() - t0);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Waits until every request is in its responder's inbox and its "send" event on the member-state topic. */
    private void awaitRouted(List<String> ids, KafkaConsumer<String, String> topic, Duration max) throws Exception {
        java.util.Set<String> expected = new java.util.HashSet<>(ids);
        java.util.Set<String> seen = new java.util.HashSet<>();
        long end = System.nanoTime() + max.toNanos();
        try (Connection c = DriverManager.getConnection(jdbc, DB_USER, DB_PASSWORD);
                PreparedStatement p = c.prepareStatement("select count(distinct case_id) from inbox_entry where"
                        + " event_type = 'eu.authorityhub.request.send.v1' and case_id = any (?)")) {
            Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            p.setArray(1, array);
            boolean inbox = false;
            long lastCount = 0;
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : topic.poll(Duration.ofMillis(200))) {
                    if (expected.contains(r.key()) && r.value().contains("request.send.v1")) {
                        seen.add(r.key());
                    }
                }
                // the count over every id is heavy for PostgreSQL, which the hub shares: once a second at most
                if (!inbox && System.nanoTime() - lastCount > 1_000_000_000L) {
                    lastCount = System.nanoTime();
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        inbox = rs.getLong(1) >= ids.size();
                    }
                }
                if (inbox && seen.size() >= expected.size()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("not routed in time: " + seen.size() + " of " + expected.size()
                + " on the topic");
    }

    // ------------------------------------------------------------------------------------------- set-up

    private void directory(int pairs) throws Exception {
        String admin = Tokens.admin();
        for (int i = 0; i < pairs; i++) {
            String nl = "NL-BENCH" + i;
            String pl = "PL-BENCH" + i;
            for (String[] a : new String[][]{{nl, "NL"}, {pl, "PL"}}) {
                call(admin, "/api/v1/authorities", """
                        {"code":"%s","memberState":"%s","name":"Bench %s","workingLanguages":["en"],
                         "professions":["NURSE"],"policyAreas":["PQ"]}""".formatted(a[0], a[1], a[0]), 201, null);
            }
            requesters.add(nl);
            responders.add(pl);
        }
    }

    private Process startInfrastructure(Path dir) throws Exception {
        int kafka = HubInfrastructure.freePort();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Xmx512m", ChildHub.class.getName(), dir.resolve("infra")
                        .toString(),
                Integer.toString(kafka), Integer.toString(HubInfrastructure.freePort()), Integer.toString(
                        HubInfrastructure.freePort()))
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                jdbc = line.substring("READY ".length()).trim();
                break;
            }
        }
        if (jdbc == null) {
            throw new IllegalStateException("the infrastructure did not start");
        }
        bootstrap = "127.0.0.1:" + kafka;
        Thread drain = new Thread(() -> lines.lines().forEach(l -> {
        }));
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    // ------------------------------------------------------------------------------------------- raw limits

    private double commitRate(int n) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, DB_USER, DB_PASSWORD)) {
            return RawLimits.commitRate(c, n);
        }
    }

    private double produceRate(int n) throws Exception {
        return RawLimits.produceRate(bootstrap, n);
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        // assigned, not subscribed: a group member that does not poll for five minutes (the year of IMI takes
        // longer) is dropped from its group and, on rejoining, would start again from the end and miss everything
        List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(i -> new TopicPartition(i.topic(), i
                .partition())).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        return c;
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** Samples the hub's resident memory (KiB) every 100 ms. */
    private static final class RssSampler {

        final AtomicBoolean running = new AtomicBoolean(true);
        volatile long peak;
        final Thread thread;

        RssSampler(PackagedHub hub) {
            this.thread = new Thread(() -> {
                while (running.get()) {
                    peak = Math.max(peak, hub.rssKib());
                    try {
                        Thread.sleep(100); // a sampling period, not a wait for the system under test
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy(); // SIGTERM: the hub and the embedded servers shut down cleanly
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p
                        * sorted.length) - 1)];
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    private static String json(Map<String, Object> r) {
        StringBuilder b = new StringBuilder("{");
        r.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(
                v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
        return b.append('}').toString();
    }
}
