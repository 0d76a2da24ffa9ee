package eu.authorityhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.authorityhub.deadline.DeadlineEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Benchmark, not a test (tag "bench", left out of the suite; run by bench/run): the deadline engine with 10,000 and
 * with 1,000,000 pending timers. For each, 20,000 timers fall due over 20 s while the engine polls every 100 ms; it
 * reports the firing lag (fire time minus due time, p50/p99/max) and the engine's busy time per fired timer, beside
 * the PostgreSQL single-row commit rate measured on the same server in the same run.
 */
@QuarkusTest
@TestProfile(DeadlineBench.Quiet.class)
@Tag("bench")
class DeadlineBench {

    /** No relay (the engine's work ends at the outbox) and no background engine: the benchmark drives it. */
    public static class Quiet implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.outbox.relay-enabled", "false", "hub.deadlines.engine-enabled", "false",
                    "hub.deadlines.batch-size", "1000", "quarkus.log.category.\"eu.authorityhub\".level", "WARN");
        }
    }

    static final int DUE = 20_000;
    static final int WINDOW_SECONDS = 20;

    @Inject
    DataSource db;
    @Inject
    DeadlineEngine engine;

    @Test
    void deadlineEngine() throws Exception {
        double commitRate = commitRate(5_000);
        scenario(5_000, commitRate); // warm-up (JIT, pools, plans), not reported
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int pending : new int[]{10_000, 1_000_000}) {
            rows.add(scenario(pending, commitRate));
        }
        double small = (double) rows.get(0).get("engineMicrosPerTimer");
        double large = (double) rows.get(1).get("engineMicrosPerTimer");
        System.out.printf(Locale.ROOT, "%n%-10s %8s %10s %10s %10s %16s %16s %14s %8s%n", "pending", "fired", "lag p50",
                "lag p99", "lag max", "engine us/timer", "engine timers/s", "pg commits/s", "ratio");
        for (Map<String, Object> r : rows) {
            double perTimer = (double) r.get("engineMicrosPerTimer");
            System.out.printf(Locale.ROOT, "%-10d %8d %8.0fms %8.0fms %8.0fms %16.1f %16.0f %14.0f %8.2f%n",
                    r.get("pending"), r.get("fired"), r.get("lagP50Ms"), r.get("lagP99Ms"), r.get("lagMaxMs"),
                    perTimer, 1_000_000.0 / perTimer, commitRate, r.get("firedPerSecondPerCommitRate"));
        }
        System.out.printf(Locale.ROOT,
                "work per fired timer, 1,000,000 vs 10,000 pending: ratio %.2f (target 0.8 to 1.2)%n",
                large / small);
        String json = "{\"pgCommitsPerSecond\":" + Math.round(commitRate) + ",\"workRatio\":"
                + String.format(Locale.ROOT, "%.3f", large / small) + ",\"scenarios\":" + rows.stream().map(
                        DeadlineBench::json).toList()
                + "}";
        Path out = Path.of("bench", "results", "deadlines.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("written: " + out);
    }

    private Map<String, Object> scenario(int pending, double commitRate) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("delete from deadline_timer where party = 'BENCH'");
            // the background load: timers due in a year, never fired during the run
            s.execute("insert into deadline_timer (case_type, case_id, reference, kind, party, party_state, due_at,"
                    + " stage, next_fire_at, state, created_at) select 'REQUEST', gen_random_uuid(), 'B-' || g, 'ANSWER',"
                    + " 'BENCH', 'NL', now() + interval '365 days' + g * interval '1 millisecond', 'OVERDUE',"
                    + " now() + interval '365 days' + g * interval '1 millisecond', 'PENDING', now()"
                    + " from generate_series(1, " + (pending - DUE) + ") g");
            // the timers that fall due during the run: evenly over the window, starting in 2 s
            s.execute("insert into deadline_timer (case_type, case_id, reference, kind, party, party_state, due_at,"
                    + " stage, next_fire_at, state, created_at) select 'REQUEST', gen_random_uuid(), 'D-' || g, 'ANSWER',"
                    + " 'BENCH', 'NL', now() + interval '2 seconds' + g * interval '" + (WINDOW_SECONDS * 1000.0 / DUE)
                    + " milliseconds', 'OVERDUE', now() + interval '2 seconds' + g * interval '"
                    + (WINDOW_SECONDS * 1000.0 / DUE) + " milliseconds', 'PENDING', now() from generate_series(1, "
                    + DUE
                    + ") g");
            s.execute("analyze deadline_timer");
        }
        long busyNanos = 0;
        int fired = 0;
        long end = System.nanoTime() + (WINDOW_SECONDS + 10) * 1_000_000_000L;
        while (fired < DUE && System.nanoTime() < end) {
            long t0 = System.nanoTime();
            int round = engine.run(); // what the scheduled engine does at each poll
            busyNanos += System.nanoTime() - t0;
            fired += round;
            Thread.sleep(100); // the engine's poll interval in this benchmark
        }
        double[] lags;
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select extract(epoch from (overdue_at - due_at)) * 1000 from"
                        + " deadline_timer where party = 'BENCH' and overdue_at is not null order by 1")) {
            List<Double> l = new ArrayList<>();
            while (r.next()) {
                l.add(r.getDouble(1));
            }
            lags = l.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double perTimerMicros = fired == 0 ? Double.NaN : busyNanos / 1000.0 / fired;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // the relay is off in this benchmark: every deadline notice in the outbox is the benchmark's own (a join
            // with a million timers here once took the planner into a nested loop for many minutes)
            s.execute("delete from outbox_message where topic = 'hub.deadline.events'");
            s.execute("delete from deadline_timer where party = 'BENCH'");
        }
        return Map.of("pending", pending, "fired", fired, "lagP50Ms", percentile(lags, 0.50), "lagP99Ms",
                percentile(lags, 0.99), "lagMaxMs", lags.length == 0 ? Double.NaN : lags[lags.length - 1],
                "engineMicrosPerTimer", perTimerMicros, "firedPerSecondPerCommitRate",
                (1_000_000.0 / perTimerMicros) / commitRate);
    }

    private double commitRate(int n) throws Exception {
        try (Connection c = db.getConnection()) {
            return RawLimits.commitRate(c, n);
        }
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String json(Map<String, Object> r) {
        StringBuilder b = new StringBuilder("{");
        r.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(
                v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
        return b.append('}').toString();
    }

}
