package eu.authorityhub.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.MemberState;
import eu.authorityhub.directory.Profession;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import eu.authorityhub.webhook.EndpointGuard.AllowList;
import eu.authorityhub.webhook.WebhookPayloads.AllowListBody;
import eu.authorityhub.webhook.WebhookPayloads.AttemptView;
import eu.authorityhub.webhook.WebhookPayloads.Created;
import eu.authorityhub.webhook.WebhookPayloads.DeliveryView;
import eu.authorityhub.webhook.WebhookPayloads.HealthView;
import eu.authorityhub.webhook.WebhookPayloads.Mode;
import eu.authorityhub.webhook.WebhookPayloads.Rotated;
import eu.authorityhub.webhook.WebhookPayloads.Status;
import eu.authorityhub.webhook.WebhookPayloads.SubscriptionRequest;
import eu.authorityhub.webhook.WebhookPayloads.SubscriptionView;
import eu.authorityhub.webhook.WebhookSubscription.OwnerKind;

/**
 * Webhook subscriptions: written by an authority's admin or back-office system (for the authority) or by a coordinator
 * (for itself); nobody else sees them (404). Secrets are shown once, at creation and rotation.
 */
@ApplicationScoped
public class WebhookService {

    private final EntityManager em;
    private final EndpointGuard guard;
    private final PayloadTransformer transformer;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookService(EntityManager em, EndpointGuard guard, PayloadTransformer transformer,
            WebhookConfig config, Clock clock) {
        this.em = em;
        this.guard = guard;
        this.transformer = transformer;
        this.config = config;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------- subscriptions

    @Transactional
    public Created create(Caller c, SubscriptionRequest r) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        if (c.authority().isPresent() && (c.hasRole(Roles.AUTHORITY_ADMIN) || c.hasRole(Roles.BACK_OFFICE))) {
            s.owner = c.authority().get();
            s.ownerKind = OwnerKind.AUTHORITY;
        } else if (c.coordinator().isPresent() && c.hasRole(Roles.COORDINATOR)) {
            s.owner = c.coordinator().get().code();
            s.ownerKind = OwnerKind.COORDINATOR;
        } else {
            throw new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                    "Webhooks belong to an authority or a coordinator the directory knows; the token names neither");
        }
        apply(s, r);
        s.status = Status.ACTIVE;
        s.createdBy = c.subject();
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        String secret = WebhookSigner.newHmacSecret();
        addSecret(s.id, "HMAC", secret, null, now);
        String publicKey = null;
        if (Boolean.TRUE.equals(r.ed25519())) {
            String[] pair = WebhookSigner.newEd25519();
            addSecret(s.id, "ED25519", pair[0], pair[1], now);
            publicKey = pair[1];
        }
        em.flush();
        return new Created(view(s, publicKey), secret, publicKey);
    }

    @Transactional
    public SubscriptionView update(Caller c, UUID id, SubscriptionRequest r) {
        WebhookSubscription s = owned(c, id);
        if (s.status == Status.DELETED) {
            throw new HubException(ErrorCode.WEBHOOK_NOT_ACTIVE, "The subscription was deleted");
        }
        apply(s, r);
        s.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        return view(s, publicKey(id));
    }

    @Transactional
    public SubscriptionView get(Caller c, UUID id) {
        return view(owned(c, id), publicKey(id));
    }

    @Transactional
    public List<SubscriptionView> list(Caller c) {
        List<String> owners = owners(c);
        return WebhookSubscription.<WebhookSubscription>find("owner in ?1 and status <> ?2 order by createdAt",
                owners, Status.DELETED).list().stream().map(s -> view(s, publicKey(s.id))).toList();
    }

    @Transactional
    public void delete(Caller c, UUID id) {
        WebhookSubscription s = owned(c, id);
        s.status = Status.DELETED;
        s.updatedAt = OffsetDateTime.now(clock);
    }

    @Transactional
    public SubscriptionView disable(Caller c, UUID id) {
        WebhookSubscription s = active(c, id);
        s.status = Status.DISABLED;
        s.disabledReason = "disabled by " + c.subject();
        s.updatedAt = OffsetDateTime.now(clock);
        return view(s, publicKey(id));
    }

    /** Re-enables an endpoint: its waiting deliveries go out again, its failure clock starts afresh. */
    @Transactional
    public SubscriptionView enable(Caller c, UUID id) {
        WebhookSubscription s = owned(c, id);
        if (s.status == Status.DELETED) {
            throw new HubException(ErrorCode.WEBHOOK_NOT_ACTIVE, "The subscription was deleted");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        s.status = Status.ACTIVE;
        s.disabledReason = null;
        s.failingSince = null;
        s.throttledUntil = null;
        s.updatedAt = now;
        em.createNativeQuery("update webhook_delivery set next_attempt_at = :now where subscription_id = :s"
                + " and state = 'PENDING' and next_attempt_at > :now").setParameter("now", now).setParameter("s", id)
                .executeUpdate();
        return view(s, publicKey(id));
    }

    /** A new secret (and ed25519 key when the endpoint has one); the previous ones sign on until the grace ends. */
    @Transactional
    public Rotated rotate(Caller c, UUID id, Long graceSeconds) {
        WebhookSubscription s = active(c, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime graceUntil = now.plus(graceSeconds == null
                ? config.rotationGrace()
                : Duration.ofSeconds(graceSeconds));
        boolean ed25519 = publicKey(id) != null;
        // retire the current secrets at the end of the grace; already retiring ones keep their earlier end
        em.createNativeQuery("update webhook_secret set expires_at = :until where subscription_id = :s and"
                + " (expires_at is null or expires_at > :until)").setParameter("until", graceUntil)
                .setParameter("s", id).executeUpdate();
        String secret = WebhookSigner.newHmacSecret();
        addSecret(id, "HMAC", secret, null, now);
        String publicKey = null;
        if (ed25519) {
            String[] pair = WebhookSigner.newEd25519();
            addSecret(id, "ED25519", pair[0], pair[1], now);
            publicKey = pair[1];
        }
        s.updatedAt = now;
        return new Rotated(secret, publicKey, graceUntil);
    }

    // ---------------------------------------------------------------------------------------- deliveries

    @Transactional
    public DeliveryView replay(Caller c, UUID id, long deliveryId) {
        owned(c, id);
        int n = em.createNativeQuery("update webhook_delivery set state = 'PENDING', attempts = 0,"
                + " next_attempt_at = :now where id = :d and subscription_id = :s").setParameter("now",
                        OffsetDateTime.now(clock))
                .setParameter("d", deliveryId).setParameter("s", id).executeUpdate();
        if (n == 0) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such delivery of this subscription");
        }
        return deliveries(c, id, null, deliveryId + 1, 1).get(0);
    }

    @Transactional
    public int recover(Caller c, UUID id, OffsetDateTime since) {
        owned(c, id);
        return em.createNativeQuery("update webhook_delivery set state = 'PENDING', attempts = 0,"
                + " next_attempt_at = :now where subscription_id = :s and state = 'FAILED' and created_at >= :since")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("s", id).setParameter("since", since)
                .executeUpdate();
    }

    /** The delivery log, newest first; {@code before} is the cursor (a delivery id). */
    @Transactional
    public List<DeliveryView> deliveries(Caller c, UUID id, String state, Long before, int limit) {
        owned(c, id);
        List<Tuple> rows = em.createNativeQuery("select d.id, d.event_id, m.event_type, d.case_id, d.state,"
                + " d.attempts, d.next_attempt_at, d.created_at, d.delivered_at, d.last_status, d.last_error"
                + " from webhook_delivery d join webhook_message m on m.event_id = d.event_id"
                + " where d.subscription_id = :s and (cast(:state as text) is null or d.state = cast(:state as text))"
                + " and d.id < :before order by d.id desc limit :limit", Tuple.class).setParameter("s", id)
                .setParameter("state", state).setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(t -> new DeliveryView(((Number) t.get(0)).longValue(), (UUID) t.get(1),
                (String) t.get(2), (String) t.get(3), (String) t.get(4), ((Number) t.get(5)).intValue(),
                time(t.get(6)), time(t.get(7)), time(t.get(8)), t.get(9) == null
                        ? null
                        : ((Number) t.get(9)).intValue(),
                (String) t.get(10))).toList();
    }

    @Transactional
    public List<AttemptView> attempts(Caller c, UUID id, long deliveryId) {
        owned(c, id);
        List<Tuple> rows = em.createNativeQuery("select attempt, started_at, latency_ms, status, error, response,"
                + " next_attempt_at from webhook_attempt where delivery_id = :d and subscription_id = :s order by id",
                Tuple.class).setParameter("d", deliveryId).setParameter("s", id).getResultList();
        if (rows.isEmpty() && ((Number) em.createNativeQuery("select count(*) from webhook_delivery where id = :d"
                + " and subscription_id = :s").setParameter("d", deliveryId).setParameter("s", id)
                .getSingleResult()).longValue() == 0) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such delivery of this subscription");
        }
        return rows.stream().map(t -> new AttemptView(((Number) t.get(0)).intValue(), time(t.get(1)),
                t.get(2) == null ? null : ((Number) t.get(2)).intValue(),
                t.get(3) == null ? null : ((Number) t.get(3)).intValue(), (String) t.get(4), (String) t.get(5),
                time(t.get(6)))).toList();
    }

    @Transactional
    public HealthView health(Caller c, UUID id) {
        WebhookSubscription s = owned(c, id);
        OffsetDateTime since = OffsetDateTime.now(clock).minusHours(24);
        Tuple a = (Tuple) em.createNativeQuery("select count(*), count(*) filter (where status between 200 and 299),"
                + " avg(latency_ms) from webhook_attempt where subscription_id = :s and started_at >= :since",
                Tuple.class).setParameter("s", id).setParameter("since", since).getSingleResult();
        Tuple d = (Tuple) em.createNativeQuery("select count(*) filter (where state = 'PENDING'),"
                + " count(*) filter (where state = 'FAILED') from webhook_delivery where subscription_id = :s",
                Tuple.class).setParameter("s", id).getSingleResult();
        long attempts = ((Number) a.get(0)).longValue();
        long successes = ((Number) a.get(1)).longValue();
        return new HealthView(id, s.status, s.disabledReason, attempts, successes,
                attempts == 0 ? null : (double) successes / attempts,
                a.get(2) == null ? null : ((Number) a.get(2)).doubleValue(), ((Number) d.get(0)).longValue(),
                ((Number) d.get(1)).longValue(), s.lastSuccessAt, s.lastFailureAt, s.lastError, s.failingSince,
                s.throttledUntil);
    }

    // ---------------------------------------------------------------------------------------- allow-lists

    @Transactional
    public AllowListBody allowList(String owner) {
        List<Tuple> rows = em.createNativeQuery("select array_to_string(cidrs, ','), array_to_string(hosts, ',')"
                + " from webhook_allow_list where owner = :o", Tuple.class).setParameter("o", owner).getResultList();
        if (rows.isEmpty()) {
            return new AllowListBody(List.of(), List.of());
        }
        return new AllowListBody(split((String) rows.get(0).get(0)), split((String) rows.get(0).get(1)));
    }

    @Transactional
    public AllowListBody putAllowList(Caller c, String owner, AllowListBody body) {
        if (eu.authorityhub.directory.Authority.findByCode(owner) == null
                && eu.authorityhub.directory.Coordinator.findByCode(owner) == null) {
            throw new HubException(ErrorCode.NOT_FOUND, "No authority or coordinator " + owner);
        }
        List<String> cidrs = body.networks().stream().map(String::strip).toList();
        cidrs.forEach(EndpointGuard.Cidr::parse); // refuses what is not CIDR
        List<String> hosts = body.hosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        em.createNativeQuery("insert into webhook_allow_list (owner, cidrs, hosts, updated_by, updated_at) values"
                + " (:o, string_to_array(:c, ','), string_to_array(:h, ','), :by, :at) on conflict (owner) do update"
                + " set cidrs = excluded.cidrs, hosts = excluded.hosts, updated_by = excluded.updated_by,"
                + " updated_at = excluded.updated_at").setParameter("o", owner)
                .setParameter("c", String.join(",", cidrs)).setParameter("h", String.join(",", hosts))
                .setParameter("by", c.subject()).setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        return new AllowListBody(cidrs, hosts);
    }

    /** The owner's own allow-list, for the guard. */
    public AllowList ownerAllowList(String owner) {
        AllowListBody b = allowList(owner);
        return AllowList.of(b.networks(), b.hosts());
    }

    // ---------------------------------------------------------------------------------------- internals

    private void apply(WebhookSubscription s, SubscriptionRequest r) {
        URI uri = guard.parse(r.url());
        guard.check(uri, ownerAllowList(s.owner));
        List<FieldError> errors = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (String type : r.eventTypes()) {
            if (!matchesAny(type)) {
                errors.add(new FieldError("eventTypes", "'" + type + "' matches no event type of the hub"));
            }
            patterns.add(likePattern(type));
        }
        if (!errors.isEmpty()) {
            throw new HubException(ErrorCode.UNKNOWN_EVENT_TYPE,
                    "An event-type filter matches no event type the hub publishes", errors, java.util.Map.of());
        }
        List<String> states = r.memberStates() == null || r.memberStates().isEmpty()
                ? null
                : r.memberStates().stream().distinct().toList();
        List<String> professions = r.professions() == null || r.professions().isEmpty()
                ? null
                : r.professions().stream().distinct().toList();
        if (states != null) {
            states.stream().filter(m -> MemberState.findById(m) == null).forEach(m -> errors.add(new FieldError(
                    "memberStates", "'" + m + "' is not an EEA member state")));
        }
        if (professions != null) {
            professions.stream().filter(p -> Profession.findById(p) == null).forEach(p -> errors.add(new FieldError(
                    "professions", "'" + p + "' is not a profession of the reference data")));
        }
        if (!errors.isEmpty()) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Unknown filter values", errors, java.util.Map.of());
        }
        Mode mode = r.mode() != null ? r.mode() : r.transform() != null ? Mode.TRANSFORMED : Mode.STRUCTURED;
        if ((mode == Mode.TRANSFORMED) != (r.transform() != null && !r.transform().isBlank())) {
            throw new HubException(ErrorCode.VALIDATION_FAILED,
                    "A transform template goes with mode TRANSFORMED, and only with it");
        }
        if (mode == Mode.TRANSFORMED) {
            transformer.compile(r.transform());
        }
        s.url = uri.toString();
        s.description = r.description();
        s.eventTypes = List.copyOf(r.eventTypes());
        s.typePatterns = patterns;
        s.memberStates = states;
        s.professions = professions;
        s.mode = mode;
        s.transform = mode == Mode.TRANSFORMED ? r.transform() : null;
        s.ordered = Boolean.TRUE.equals(r.ordered());
        s.rateLimit = r.rateLimit();
    }

    static boolean matchesAny(String glob) {
        Pattern p = Pattern.compile(java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
        return EventTypes.ALL.stream().anyMatch(t -> p.matcher(t).matches());
    }

    /** The SQL LIKE form of a glob: '*' becomes '%', LIKE's own wildcards are escaped. */
    static String likePattern(String glob) {
        return glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("*", "%");
    }

    private WebhookSubscription owned(Caller c, UUID id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null || !owners(c).contains(s.owner)) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such webhook subscription");
        }
        return s;
    }

    private WebhookSubscription active(Caller c, UUID id) {
        WebhookSubscription s = owned(c, id);
        if (s.status != Status.ACTIVE) {
            throw new HubException(ErrorCode.WEBHOOK_NOT_ACTIVE, "The subscription is " + s.status.name()
                    .toLowerCase(Locale.ROOT));
        }
        return s;
    }

    /** The owners a caller acts for: its authority (admin, back-office), its coordinator. */
    private static List<String> owners(Caller c) {
        List<String> owners = new ArrayList<>();
        if (c.hasRole(Roles.AUTHORITY_ADMIN) || c.hasRole(Roles.BACK_OFFICE)) {
            c.authority().ifPresent(owners::add);
        }
        if (c.hasRole(Roles.COORDINATOR)) {
            c.coordinator().ifPresent(k -> owners.add(k.code()));
        }
        return owners;
    }

    private void addSecret(UUID subscription, String kind, String secret, String publicKey, OffsetDateTime now) {
        em.createNativeQuery("insert into webhook_secret (subscription_id, kind, secret, public_key, created_at)"
                + " values (:s, :k, :secret, :pk, :now)").setParameter("s", subscription).setParameter("k", kind)
                .setParameter("secret", secret).setParameter("pk", publicKey).setParameter("now", now)
                .executeUpdate();
    }

    private String publicKey(UUID subscription) {
        List<?> keys = em.createNativeQuery("select public_key from webhook_secret where subscription_id = :s and"
                + " kind = 'ED25519' and expires_at is null order by id desc limit 1").setParameter("s", subscription)
                .getResultList();
        return keys.isEmpty() ? null : (String) keys.get(0);
    }

    private static SubscriptionView view(WebhookSubscription s, String publicKey) {
        return new SubscriptionView(s.id, s.owner, s.url, s.description, s.eventTypes, s.memberStates,
                s.professions, s.mode, s.transform, s.ordered, s.rateLimit, s.status, s.disabledReason, publicKey,
                s.createdAt, s.updatedAt, s.version);
    }

    private static OffsetDateTime time(Object o) {
        return eu.authorityhub.time.SqlTimes.utc(o);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
