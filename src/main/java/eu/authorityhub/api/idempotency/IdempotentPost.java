package eu.authorityhub.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

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
                    java.util.Map.of());
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

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
