package eu.authorityhub.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;

/**
 * {@code Idempotency-Key} for POSTs: the key is claimed in the same transaction as the command, and the response is
 * stored with it. A retry with the same key (and the same request) gets the first response and changes nothing; a
 * concurrent duplicate waits on the key's row and then gets the stored response; a failed command rolls the key back
 * so that a retry runs again. Keys are per client.
 */
@ApplicationScoped
public class IdempotentPost {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentPost(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs the command once per (client, key).
     *
     * @param fingerprint what identifies the request: method, path and body
     */
    @Transactional
    public Response run(String client, String key, String fingerprint, int status, Supplier<Object> command) {
        if (key == null) {
            return Response.status(status).entity(command.get()).build();
        }
        if (key.isBlank() || key.length() > 200) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Idempotency-Key must have 1 to 200 characters",
                    List.of(new eu.authorityhub.api.Problem.FieldError(HEADER, "1 to 200 characters")),
                    Map.of());
        }
        String hash = sha256(fingerprint);
        int claimed = em.createNativeQuery("insert into idempotency_record (client, idem_key, request_hash,"
                + " response_status, response_body, created_at) values (:c, :k, :h, 0, '', :t) on conflict do nothing")
                .setParameter("c", client).setParameter("k", key).setParameter("h", hash)
                .setParameter("t", OffsetDateTime.now(clock)).executeUpdate();
        if (claimed == 0) {
            Object[] stored = (Object[]) em.createNativeQuery("select request_hash, response_status, response_body"
                    + " from idempotency_record where client = :c and idem_key = :k").setParameter("c", client)
                    .setParameter("k", key).getSingleResult();
            if (!hash.equals(stored[0])) {
                throw new HubException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Key " + key
                        + " was used for another request");
            }
            return Response.status(((Number) stored[1]).intValue()).entity(stored[2])
                    .type("application/json").header("Idempotent-Replayed", "true").build();
        }
        Object result = command.get();
        String body;
        try {
            body = mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        em.createNativeQuery("update idempotency_record set response_status = :s, response_body = :b"
                + " where client = :c and idem_key = :k").setParameter("s", status).setParameter("b", body)
                .setParameter("c", client).setParameter("k", key).executeUpdate();
        return Response.status(status).entity(result).build();
    }

    /** A POST of {@code client} to {@code path} with {@code body}, run once per Idempotency-Key. */
    public Response post(String client, String key, String path, Object body, int status, Supplier<Object> command) {
        return run(client, key, fingerprint("POST", path, body), status, command);
    }

    public String fingerprint(String method, String path, Object body) {
        try {
            return method + " " + path + " " + (body == null ? "" : mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request not serialisable", e);
        }
    }

    // ------------------------------------------------------------------ many keys at once (bulk calls)

    /** What one key holds: the hash of the request it was first used for, and the stored response. */
    public record Stored(String requestHash, int status, String body) {
    }

    /** The hash that identifies a request under its key (see {@link #fingerprint}). */
    public String hash(String fingerprint) {
        return sha256(fingerprint);
    }

    /** The keys of {@code client} among {@code keys} that are already used, with what they hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Stored> stored(String client, Collection<String> keys) {
        Map<String, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select idem_key, request_hash,"
                    + " response_status, response_body from idempotency_record where client = ? and idem_key = any (?)")) {
                select.setString(1, client);
                select.setArray(2, connection.createArrayOf("text", keys.toArray()));
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(1), new Stored(r.getString(2), r.getInt(3), r.getString(4)));
                    }
                }
            }
        });
        return found;
    }

    /**
     * Claims keys of {@code client} (key to request hash) in one batch, with their responses still to come
     * ({@link #storeAll}); a key claimed by a concurrent call meanwhile waits for that call's transaction.
     *
     * @return the keys that were taken already
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> claimAll(String client, Map<String, String> hashes) {
        Set<String> taken = new HashSet<>();
        if (hashes.isEmpty()) {
            return taken;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> keys = List.copyOf(hashes.keySet());
        taken.addAll(keys);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into idempotency_record (client,"
                    + " idem_key, request_hash, response_status, response_body, created_at) select ?, k, h, 0, '', ?"
                    + " from unnest(?, ?) as t(k, h) on conflict do nothing returning idem_key")) {
                insert.setString(1, client);
                insert.setObject(2, now);
                insert.setArray(3, connection.createArrayOf("text", keys.toArray()));
                insert.setArray(4, connection.createArrayOf("text", keys.stream().map(hashes::get).toArray()));
                try (ResultSet claimed = insert.executeQuery()) {
                    while (claimed.next()) {
                        taken.remove(claimed.getString(1));
                    }
                }
            }
        });
        return taken;
    }

    /** Stores the responses (key to JSON body) of keys claimed in this transaction, in one batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeAll(String client, Map<String, String> bodies, int status) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update idempotency_record set"
                    + " response_status = ?, response_body = ? where client = ? and idem_key = ?")) {
                for (Map.Entry<String, String> e : bodies.entrySet()) {
                    update.setInt(1, status);
                    update.setString(2, e.getValue());
                    update.setString(3, client);
                    update.setString(4, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
