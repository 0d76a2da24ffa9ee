package eu.authorityhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.authorityhub.evidence.EvidencePayloads.Verification;
import eu.authorityhub.evidence.EvidenceSealer;
import eu.authorityhub.evidence.EvidenceVerifier;
import eu.authorityhub.retention.RetentionEngine;
import eu.authorityhub.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Benchmark, not a test (tag "bench", run by bench/run): the retention engine blocking, then deleting, 100,000 closed
 * requests (each announced to both parties: three outbox rows), and the access chain of 1,000,000 entries sealed and
 * verified; beside the PostgreSQL single-row commit rate of the same run.
 */
@QuarkusTest
@TestProfile(DataProtectionBench.Quiet.class)
@Tag("bench")
class DataProtectionBench {

    /** No relay, no background engines: the benchmark drives them. */
    public static class Quiet implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.outbox.relay-enabled", "false", "hub.retention.engine-enabled", "false",
                    "hub.evidence.sealer-enabled", "false", "hub.deadlines.engine-enabled", "false",
                    "quarkus.log.category.\"eu.authorityhub\".level", "WARN");
        }
    }

    static final int CASES = 100_000;
    static final int ENTRIES = 1_000_000;

    @Inject
    DataSource db;
    @Inject
    RetentionEngine engine;
    @Inject
    EvidenceSealer sealer;
    @Inject
    EvidenceVerifier verifier;
    @Inject
    TestClock clock;

    @Test
    void retentionAndEvidence() throws Exception {
        String requester = eu.authorityhub.testing.Fixtures.authorityCode("PL");
        String responder = eu.authorityhub.testing.Fixtures.authorityCode("NL");
        eu.authorityhub.testing.Fixtures.createAuthority(requester, "PL", "NURSE");
        eu.authorityhub.testing.Fixtures.createAuthority(responder, "NL", "NURSE");
        double commitRate;
        try (Connection c = db.getConnection()) {
            commitRate = RawLimits.commitRate(c, 5_000);
            seedCases(c, requester, responder);
        }
        clock.advance(Duration.ofDays(2));
        long t0 = System.nanoTime();
        int blocked = engine.run();
        double blockSeconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into retention_task (case_type, case_id, action, due_at, state, created_at) select"
                    + " 'REQUEST', id, 'DELETE', now(), 'PENDING', now() from information_request where reference"
                    + " like 'DPB-%'");
        }
        t0 = System.nanoTime();
        int deleted = engine.run();
        double deleteSeconds = (System.nanoTime() - t0) / 1e9;
        clock.reset();

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into access_log (at, subject, client, authority, case_type, case_ids, case_parties,"
                    + " data_kinds, purpose) select now() - interval '1 hour', 'user-' || (g % 500), 'client', 'NL-BIG',"
                    + " 'REQUEST', array[gen_random_uuid()], array['NL-BIG', 'PL-NIL'], array['PROFESSIONAL',"
                    + " 'ANSWERS'], 'GET /api/v1/requests/{id}' from generate_series(1, " + ENTRIES + ") g");
        }
        t0 = System.nanoTime();
        int sealed = sealer.sealAll(Duration.ZERO);
        double sealSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Verification v = verifier.verify("access");
        double verifySeconds = (System.nanoTime() - t0) / 1e9;

        System.out.printf(Locale.ROOT, "%n%-34s %10s %10s %12s %14s %8s%n", "work", "items", "seconds", "items/s",
                "pg commits/s", "ratio");
        row("retention: block (3 outbox rows each)", blocked, blockSeconds, commitRate);
        row("retention: delete (3 outbox rows each)", deleted, deleteSeconds, commitRate);
        row("evidence: seal access chain", sealed, sealSeconds, commitRate);
        row("evidence: verify access chain", v.entries(), verifySeconds, commitRate);
        System.out.printf(Locale.ROOT, "targets: %d cases blocked in %.1f s and deleted in %.1f s (< 60 s each);"
                + " %d entries verified in %.1f s (< 30 s), intact: %s%n", CASES, blockSeconds, deleteSeconds,
                v
                        .entries(),
                verifySeconds, v.intact());
        String json = String.format(Locale.ROOT, "{\"pgCommitsPerSecond\":%d,\"cases\":%d,\"blockSeconds\":%.2f,"
                + "\"deleteSeconds\":%.2f,\"sealedEntries\":%d,\"sealSeconds\":%.2f,\"verifiedEntries\":%d,"
                + "\"verifySeconds\":%.2f,\"intact\":%s}%n", Math.round(commitRate), CASES, blockSeconds,
                deleteSeconds, sealed, sealSeconds, v.entries(), verifySeconds, v.intact());
        Path out = Path.of("bench", "results", "data-protection.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("written: " + out);
    }

    private static void row(String work, long items, double seconds, double commitRate) {
        System.out.printf(Locale.ROOT, "%-34s %10d %10.1f %12.0f %14.0f %8.2f%n", work, items, seconds, items
                / seconds, commitRate, items / seconds / commitRate);
    }

    /**
     * 100,000 requests closed over a year, each with a blocking due now. Spread over the days, as real ones are: the
     * indicator triggers update one aggregate row per day and authority, and 100,000 updates of one row in one
     * statement would measure PostgreSQL's version chains instead.
     */
    private static void seedCases(Connection c, String requester, String responder) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(
                    """
                            insert into information_request (id, reference, requester, responder, requester_state,
                                responder_state, policy_area, procedure, profession, professional, requester_language,
                                catalogue_version, state, requested_due_date, questions, created_at, updated_at, sent_at,
                                closed_at)
                            select gen_random_uuid(), 'DPB-' || g, '%s', '%s', 'PL', 'NL', 'PQ', 'GENERAL', 'NURSE',
                                '{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"}', 'pl', 1, 'CLOSED',
                                date '2025-01-01', '[{"position":1,"code":"PQ-G-PER-01","freeText":null,"answerType":"YES_NO","round":1,"answer":true,"answeredAt":"2025-01-02T10:00:00Z"}]',
                                now() - interval '1 year' - (g %% 365) * interval '1 day',
                                now() - interval '1 year' - (g %% 365) * interval '1 day',
                                now() - interval '1 year' - (g %% 365) * interval '1 day',
                                now() - interval '1 year' - (g %% 365) * interval '1 day' + interval '20 days'
                            from generate_series(1, %d) g"""
                            .formatted(requester, responder, CASES));
            s.execute("insert into retention_task (case_type, case_id, action, due_at, state, created_at) select"
                    + " 'REQUEST', id, 'BLOCK', now() + interval '1 day', 'PENDING', now() from information_request"
                    + " where reference like 'DPB-%'");
        }
    }
}
