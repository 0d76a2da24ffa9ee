package eu.authorityhub.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.evidence.EvidencePayloads.Verification;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The journal and the access log as hash chains with signed checkpoints: intact they verify; each kind of tampering
 * with plain SQL is found and names the entry. Tampering happens inside a transaction that is rolled back after the
 * verification saw it, so no other test ever sees a broken chain.
 */
@QuarkusTest
class EvidenceTest {

    @Inject
    EvidenceSealer sealer;
    @Inject
    EvidenceVerifier verifier;
    @Inject
    EntityManager em;

    @BeforeEach
    void someEntries() {
        String a = Fixtures.authorityCode("PL");
        String b = Fixtures.authorityCode("NL");
        Fixtures.createAuthority(a, "PL", "NURSE");
        Fixtures.createAuthority(b, "NL", "NURSE");
        String id = null;
        for (int i = 0; i < 3; i++) {
            id = Fixtures.sentRequest(a, b); // events for the journal
            RestAssured.given().auth().oauth2(Tokens.forAuthority(b, Roles.CASE_HANDLER)).get("/api/v1/requests/"
                    + id).then().statusCode(200); // a read for the access log
        }
        String last = id;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from event_journal where subject = '" + last + "'") > 0);
        sealer.sealAll(Duration.ZERO);
    }

    @Test
    void intactChainsVerifyWithSignedCheckpoints() throws Exception {
        for (String chain : List.of("journal", "access")) {
            Verification v = RestAssured.given().auth().oauth2(Tokens.admin()).queryParam("chain", chain).get(
                    "/api/v1/evidence/verify").then().statusCode(200).body("intact", equalTo(true)).extract().as(
                            Verification.class);
            assertThat(v.entries()).as(chain).isPositive();
            assertThat(v.checkpointsVerified()).as(chain).isPositive();
            assertThat(v.broken()).isNull();
        }
        // the published key checks a stored checkpoint, outside the hub
        String key = RestAssured.get("/api/v1/evidence/key").then().statusCode(200).body("algorithm", equalTo(
                "Ed25519")).extract().path("publicKey");
        String keyId = RestAssured.get("/api/v1/evidence/key").then().extract().path("keyId");
        Object[] cp = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select chain, pos, head_sha256, at, signature from evidence_checkpoint where key_id = :k order by id"
                        + " desc limit 1")
                .setParameter("k", keyId).getSingleResult());
        OffsetDateTime at = cp[3] instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) cp[3];
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(key))));
        s.update(Chain.statement((String) cp[0], ((Number) cp[1]).longValue(), (String) cp[2], at).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(s.verify(Base64.getDecoder().decode((String) cp[4]))).isTrue();
        RestAssured.given().auth().oauth2(Tokens.caseHandler()).get("/api/v1/evidence/verify").then().statusCode(403);
    }

    @Test
    void anEditedAccessRecordIsNamed() {
        long seq = last("access_log", "seq");
        Verification v = tampered("access", e -> e.createNativeQuery("update access_log set purpose = 'GET /nothing'"
                + " where seq = " + seq).executeUpdate());
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().key()).isEqualTo(Long.toString(seq));
        assertThat(v.broken().problem()).contains("content changed");
    }

    @Test
    void anEditedJournalEntryIsNamed() {
        String id = lastKey("event_journal", "cast(event_id as text)");
        Verification v = tampered("journal", e -> e.createNativeQuery("update event_journal set subject = 'other'"
                + " where event_id = cast('" + id + "' as uuid)").executeUpdate());
        assertThat(v.broken().key()).isEqualTo(id);
    }

    @Test
    void aDeletedEntryIsNamedByTheGapItLeaves() {
        long pos = count("select max(chain_pos) from event_journal") - 1;
        String next = lastKey("event_journal", "cast(event_id as text)");
        Verification v = tampered("journal", e -> e.createNativeQuery("delete from event_journal where chain_pos = "
                + pos).executeUpdate());
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().position()).isEqualTo(pos + 1);
        assertThat(v.broken().key()).isEqualTo(next);
        assertThat(v.broken().problem()).contains("entries " + pos + " to " + pos + " are missing");
    }

    @Test
    void reorderedEntriesAreNamed() {
        long pos = count("select max(chain_pos) from access_log") - 1;
        String moved = lastKey("access_log", "cast(seq as text)");
        Verification v = tampered("access", e -> {
            e.createNativeQuery("update access_log set chain_pos = -1 where chain_pos = " + pos).executeUpdate();
            e.createNativeQuery("update access_log set chain_pos = " + pos + " where chain_pos = " + (pos + 1))
                    .executeUpdate();
            e.createNativeQuery("update access_log set chain_pos = " + (pos + 1) + " where chain_pos = -1")
                    .executeUpdate();
        });
        assertThat(v.broken().position()).isEqualTo(pos);
        assertThat(v.broken().key()).isEqualTo(moved);
    }

    @Test
    void rewrittenHashesStillFailAtTheSignedCheckpoint() {
        // a careful forger edits a row and recomputes its content hash and entry hash: the signed head no longer fits
        long pos = count("select max(pos) from evidence_checkpoint where chain = 'access'");
        Verification v = tampered("access", e -> {
            e.createNativeQuery("update access_log set entry_sha256 = repeat('a', 64) where chain_pos = " + pos)
                    .executeUpdate();
        });
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().position()).isEqualTo(pos);
    }

    @Test
    void accessContentRemovedBeforeItsTimeIsNamed() {
        long seq = last("access_log", "seq");
        Verification v = tampered("access", e -> e.createNativeQuery("update access_log set subject = null,"
                + " purged_at = now() where seq = " + seq).executeUpdate());
        assertThat(v.broken().key()).isEqualTo(Long.toString(seq));
        assertThat(v.broken().problem()).contains("before its keeping time");
    }

    @Test
    void theCommandLineVerifierChecksTheChainsStraightInTheDatabase() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        String key = RestAssured.get("/api/v1/evidence/key").then().extract().path("publicKey");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = VerifyCommand.run(user == null
                ? new String[]{"--jdbc-url", url, "--public-key", key}
                : new String[]{"--jdbc-url", url, "--user", user, "--public-key", key}, password,
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("journal: intact").contains(
                "access: intact");
        assertThat(status).isZero();
        assertThat(VerifyCommand.run(new String[]{"--jdbc-url", url}, password, new java.io.PrintStream(
                new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(2);
    }

    private Verification tampered(String chain, Consumer<EntityManager> tamper) {
        QuarkusTransaction.begin();
        try {
            tamper.accept(em);
            return verifier.verify(chain);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private long last(String table, String column) {
        return Long.parseLong(lastKey(table, column));
    }

    private String lastKey(String table, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select cast(" + column
                + " as text) from " + table + " where chain_pos is not null order by chain_pos desc limit 1")
                .getSingleResult());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
