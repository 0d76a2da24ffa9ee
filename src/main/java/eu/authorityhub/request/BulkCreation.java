package eu.authorityhub.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.Failures;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.api.idempotency.IdempotentPost;
import eu.authorityhub.api.idempotency.IdempotentPost.Stored;
import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;
import eu.authorityhub.request.BulkPayloads.BulkItem;
import eu.authorityhub.request.BulkPayloads.BulkResult;
import eu.authorityhub.request.BulkPayloads.ItemResult;
import eu.authorityhub.request.BulkPayloads.Outcome;
import eu.authorityhub.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Many new requests of one caller in one call. Each item is checked on its own (the same checks and problem codes as
 * the single call) and is written whole or not at all; the items that pass are written a chunk per transaction, with
 * set-wise statements (one round trip per table and chunk rather than per row). Each item carries its own
 * Idempotency-Key, so that a retried bulk call replays what was created and creates the rest.
 */
@ApplicationScoped
class BulkCreation {

    static final String ITEM_PATH = "/api/v1/requests/bulk#item";

    private final RequestService requests;
    private final RequestAccess access;
    private final ReferenceNumbers references;
    private final RequestRecorder recorder;
    private final RequestDeadlines deadlines;
    private final IdempotentPost idempotency;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final RequestConfig config;
    private final Clock clock;

    BulkCreation(RequestService requests, RequestAccess access, ReferenceNumbers references, RequestRecorder recorder,
            RequestDeadlines deadlines, IdempotentPost idempotency, Validator validator, ObjectMapper mapper,
            RequestConfig config, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.references = references;
        this.recorder = recorder;
        this.deadlines = deadlines;
        this.idempotency = idempotency;
        this.validator = validator;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    BulkResult create(Caller caller, List<BulkItem> items) {
        if (items.size() > config.bulkMaxItems()) {
            throw new HubException(ErrorCode.TOO_MANY_ITEMS, items.size() + " items; one call takes at most "
                    + config.bulkMaxItems());
        }
        AuthorityEntry requester = access.actingAuthority(caller);
        ItemResult[] results = new ItemResult[items.size()];
        List<Integer> valid = wellFormed(items, results);
        int created = 0;
        for (int from = 0; from < valid.size(); from += config.bulkChunk()) {
            List<Integer> chunk = valid.subList(from, Math.min(valid.size(), from + config.bulkChunk()));
            try {
                created += QuarkusTransaction.requiringNew().call(() -> chunk(caller, requester, items, chunk,
                        results));
            } catch (RuntimeException e) {
                if (created == 0 || !Failures.isDatabaseUnavailable(e)) {
                    throw e; // nothing written yet: the call fails as a whole (503 for an outage)
                }
                // earlier chunks are committed: the answer says which items are left for a retry
                for (int i : valid.subList(from, valid.size())) {
                    results[i] = refused(i, items.get(i).idempotencyKey(), new HubException(
                            ErrorCode.DATABASE_UNAVAILABLE, "Not written: the database became unavailable; retry"
                                    + " the item with its key"));
                }
                break;
            }
        }
        List<ItemResult> all = Arrays.asList(results);
        return new BulkResult(count(all, Outcome.CREATED), count(all, Outcome.REPLAYED), count(all,
                Outcome.REFUSED), all);
    }

    /** The items that are well formed and whose key is new in this body; the others refused in {@code results}. */
    private List<Integer> wellFormed(List<BulkItem> items, ItemResult[] results) {
        List<Integer> valid = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            if (item == null) {
                results[i] = refused(i, null, new HubException(ErrorCode.VALIDATION_FAILED, "The item is null",
                        List.of(new FieldError("items[" + i + "]", "must not be null")), Map.of()));
                continue;
            }
            Set<ConstraintViolation<BulkItem>> violations = validator.validate(item);
            if (!violations.isEmpty()) {
                List<FieldError> errors = new ArrayList<>();
                for (ConstraintViolation<BulkItem> v : violations) {
                    errors.add(new FieldError("items[" + i + "]." + v.getPropertyPath(), v.getMessage()));
                }
                errors.sort((a, b) -> a.field().compareTo(b.field()));
                results[i] = refused(i, item.idempotencyKey(), new HubException(ErrorCode.VALIDATION_FAILED,
                        errors.size() + " invalid field(s)", errors, Map.of()));
            } else if (!keys.add(item.idempotencyKey())) {
                results[i] = refused(i, item.idempotencyKey(), new HubException(ErrorCode.IDEMPOTENCY_KEY_REPEATED,
                        "An earlier item of this body has the key " + item.idempotencyKey(), List.of(
                                new FieldError("items[" + i + "].idempotencyKey", "repeated")),
                        Map.of()));
            } else {
                valid.add(i);
            }
        }
        return valid;
    }

    /** One chunk in the current transaction: replays, checks, then every passing item written set-wise. */
    private int chunk(Caller caller, AuthorityEntry requester, List<BulkItem> items, List<Integer> chunk,
            ItemResult[] results) {
        String client = caller.client();
        Map<String, String> hashes = new HashMap<>();
        for (int i : chunk) {
            hashes.put(items.get(i).idempotencyKey(), idempotency.hash(idempotency.fingerprint("POST", ITEM_PATH,
                    items.get(i))));
        }
        Map<String, Stored> used = idempotency.stored(client, hashes.keySet());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Integer, InformationRequest> drafts = new LinkedHashMap<>();
        for (int i : chunk) {
            String key = items.get(i).idempotencyKey();
            if (used.containsKey(key)) {
                results[i] = replay(i, key, hashes.get(key), used.get(key));
                continue;
            }
            try {
                drafts.put(i, requests.draft(requester, items.get(i).request(), now));
            } catch (HubException e) {
                results[i] = refused(i, key, e);
            }
        }
        Map<String, String> claims = new HashMap<>();
        drafts.keySet().forEach(i -> claims.put(items.get(i).idempotencyKey(), hashes.get(items.get(i)
                .idempotencyKey())));
        Set<String> taken = idempotency.claimAll(client, claims);
        if (!taken.isEmpty()) { // a concurrent call with the same keys committed first
            Map<String, Stored> meanwhile = idempotency.stored(client, taken);
            drafts.keySet().removeIf(i -> {
                String key = items.get(i).idempotencyKey();
                if (!taken.contains(key)) {
                    return false;
                }
                results[i] = replay(i, key, hashes.get(key), meanwhile.get(key));
                return true;
            });
        }
        if (drafts.isEmpty()) {
            return 0;
        }
        write(caller, items, drafts, now);
        Map<String, String> bodies = new HashMap<>();
        drafts.forEach((i, req) -> {
            results[i] = new ItemResult(i, items.get(i).idempotencyKey(), Outcome.CREATED, req.id, req.reference,
                    req.state, null);
            bodies.put(items.get(i).idempotencyKey(), json(results[i]));
        });
        idempotency.storeAll(client, bodies, 201);
        return drafts.size();
    }

    private void write(Caller caller, List<BulkItem> items, Map<Integer, InformationRequest> drafts,
            OffsetDateTime now) {
        List<String> numbers = references.next(drafts.size());
        List<InformationRequest> created = new ArrayList<>(drafts.size());
        List<Boolean> sent = new ArrayList<>(drafts.size());
        List<InformationRequest> sentOnly = new ArrayList<>();
        int n = 0;
        for (Map.Entry<Integer, InformationRequest> e : drafts.entrySet()) {
            InformationRequest req = e.getValue();
            req.reference = numbers.get(n++);
            boolean send = items.get(e.getKey()).sendNow();
            if (send) {
                req.send(now);
                sentOnly.add(req);
            }
            req.timelineLength = RequestRecorder.entriesOfNew(send);
            req.persist();
            created.add(req);
            sent.add(send);
        }
        InformationRequest.flush(); // the rows exist before their timelines and timers refer to them
        recorder.created(created, sent, caller);
        deadlines.sentNew(sentOnly);
    }

    private ItemResult replay(int index, String key, String hash, Stored stored) {
        if (!hash.equals(stored.requestHash())) {
            return refused(index, key, new HubException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Key " + key
                    + " was used for another request",
                    List.of(new FieldError("items[" + index
                            + "].idempotencyKey", "used for another request")),
                    Map.of()));
        }
        try {
            return mapper.readValue(stored.body(), ItemResult.class).at(index, Outcome.REPLAYED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bulk item result unreadable", e);
        }
    }

    private static ItemResult refused(int index, String key, HubException e) {
        Problem p = Problem.of(e.code(), e.getMessage()).withErrors(e.errors());
        return new ItemResult(index, key, Outcome.REFUSED, null, null, null, p);
    }

    private String json(ItemResult r) {
        try {
            return mapper.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulk item result not serialisable", e);
        }
    }

    private static int count(List<ItemResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
