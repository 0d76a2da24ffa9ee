package eu.authorityhub.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.Session;

import eu.authorityhub.ratelimit.TokenBucket;
import eu.authorityhub.webhook.EndpointGuard.AllowList;
import eu.authorityhub.webhook.WebhookPayloads.Mode;

/**
 * Claims due deliveries with {@code FOR UPDATE SKIP LOCKED}, so that any number of hub instances share the work, and
 * leases them: a crash mid-delivery sends the same delivery (same {@code webhook-id}) again once the lease ends.
 * Endpoints at their in-flight limit, throttled or over their rate limit are left out; an ordered subscription's case
 * waits for its earlier delivery. Runs in the caller's transaction.
 */
@ApplicationScoped
class DeliveryClaim {

    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final EntityManager em;
    private final WebhookConfig config;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    DeliveryClaim(EntityManager em, WebhookConfig config) {
        this.em = em;
        this.config = config;
    }

    /** What this instance already holds, per endpoint (its local leases). */
    interface Holdings {

        /** Endpoints that may not be leased more now. */
        List<UUID> full();

        /** Deliveries of the endpoint leased and not yet answered. */
        int held(UUID subscription);

        /** How many more the endpoint may have leased now. */
        int room(UUID subscription);

        /** Deliveries under way at once to one endpoint. */
        int perEndpointInFlight();
    }

    /**
     * At most {@code limit} due deliveries, given what this instance holds. Each is leased for as long as its turn can
     * take: the delivery timeout once for every wave of in-flight deliveries to its endpoint ahead of it, plus a margin.
     */
    List<DeliveryJob> claim(OffsetDateTime now, Holdings holdings, int limit) {
        List<String> busy = holdings.full().stream().map(UUID::toString).toList();
        // candidates without locks, then the per-endpoint limits and rate limits in memory, then locks on the chosen
        // rows only: rows left for later are neither locked nor written. The candidates walk the due index in order
        // and look each endpoint up (the lateral subquery, fenced by offset 0, keeps that join order), stopping at
        // the limit: hash-joining every due delivery with every endpoint and sorting costs ten times as much with
        // 10,000 due
        List<Tuple> rows = em.createNativeQuery("select d.id, d.subscription_id, s.rate_limit from webhook_delivery d"
                + " cross join lateral (select s.rate_limit from webhook_subscription s where s.id = d.subscription_id"
                + " and s.status = 'ACTIVE' and (s.throttled_until is null or s.throttled_until <= :now)"
                + " and (not s.ordered or not exists (select 1 from webhook_delivery e where"
                + " e.subscription_id = d.subscription_id and e.case_id = d.case_id and e.state = 'PENDING'"
                + " and e.id < d.id)) offset 0) s"
                + " where d.state = 'PENDING' and d.next_attempt_at <= :now"
                + " and not (cast(d.subscription_id as text) = any (string_to_array(cast(:busy as text), ',')))"
                + " order by d.next_attempt_at, d.id limit :scan", Tuple.class)
                .setParameter("now", now).setParameter("busy", String.join(",", busy))
                .setParameter("scan", Math.max(limit, 64)).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> taken = new HashMap<>();
        Map<Long, OffsetDateTime> leases = new HashMap<>();
        for (Tuple t : rows) {
            UUID s = (UUID) t.get(1);
            int already = taken.getOrDefault(s, 0);
            if (already >= holdings.room(s)
                    || !takeToken(s, t.get(2) == null ? null : ((Number) t.get(2)).intValue())) {
                continue;
            }
            taken.put(s, already + 1);
            int ahead = holdings.held(s) + already;
            leases.put(((Number) t.get(0)).longValue(), lease(now, ahead / holdings.perEndpointInFlight()));
            if (leases.size() == limit) {
                break;
            }
        }
        if (leases.isEmpty()) {
            return List.of();
        }
        Long[] ids = leases.keySet().toArray(Long[]::new);
        String[] until = Arrays.stream(ids).map(id -> leases.get(id).toString()).toArray(String[]::new);
        // one statement locks the chosen rows that are still due (skipping those another instance holds), leases
        // them, and reads what sending needs: the endpoint, its secrets in force, its owner's allow-list, the event
        return em.unwrap(Session.class).doReturningWork(c -> {
            KeyedReads.only(c);
            try (PreparedStatement p = c.prepareStatement("with locked as (select id from webhook_delivery where"
                    + " id = any (?) and state = 'PENDING' and next_attempt_at <= ? for update skip locked),"
                    + " leased as (update webhook_delivery d set attempts = d.attempts + 1, next_attempt_at = v.lease"
                    + " from locked l join unnest(?, cast(? as timestamptz[])) as v(id, lease) on v.id = l.id"
                    + " where d.id = l.id returning d.id, d.subscription_id, d.event_id, d.attempts)"
                    + " select l.id, l.subscription_id, l.event_id, l.attempts, s.owner, s.url, s.mode, s.transform,"
                    + " m.event_type, m.body, array_to_string(a.cidrs, ','), array_to_string(a.hosts, ','),"
                    + " k.kinds, k.secrets from leased l join webhook_subscription s on s.id = l.subscription_id"
                    + " join webhook_message m on m.event_id = l.event_id left join webhook_allow_list a on"
                    + " a.owner = s.owner left join lateral (select array_agg(kind order by id desc) as kinds,"
                    + " array_agg(secret order by id desc) as secrets from webhook_secret where subscription_id ="
                    + " s.id and (expires_at is null or expires_at > ?)) k on true")) {
                p.setArray(1, c.createArrayOf("bigint", ids));
                p.setObject(2, now);
                p.setArray(3, c.createArrayOf("bigint", ids));
                p.setArray(4, c.createArrayOf("text", until));
                p.setObject(5, now);
                List<DeliveryJob> jobs = new ArrayList<>(ids.length);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        jobs.add(new DeliveryJob(id, r.getObject(2, UUID.class), r.getString(5), r.getString(6),
                                Mode.valueOf(r.getString(7)), r.getString(8), r.getObject(3, UUID.class),
                                r.getString(9), r.getString(10), r.getInt(4), secrets(r.getArray(13),
                                        r.getArray(14)),
                                AllowList.of(split(r.getString(11)), split(r.getString(12))), leases.get(id)));
                    }
                }
                return jobs;
            }
        });
    }

    private static List<String[]> secrets(java.sql.Array kinds, java.sql.Array secrets) throws SQLException {
        if (kinds == null) {
            return List.of();
        }
        String[] k = (String[]) kinds.getArray();
        String[] s = (String[]) secrets.getArray();
        List<String[]> pairs = new ArrayList<>(k.length);
        for (int i = 0; i < k.length; i++) {
            pairs.add(new String[]{k[i], s[i]});
        }
        return pairs;
    }

    /** The end of a lease with {@code waves} waves of deliveries to the same endpoint ahead of it (in microseconds). */
    private OffsetDateTime lease(OffsetDateTime now, int waves) {
        return now.plus(config.timeout().multipliedBy(1L + waves)).plus(LEASE_MARGIN).truncatedTo(ChronoUnit.MICROS);
    }

    /** Token bucket per endpoint (per hub instance): capacity and refill = the endpoint's rate limit per second. */
    private boolean takeToken(UUID subscription, Integer rate) {
        if (rate == null) {
            return true;
        }
        long now = System.nanoTime();
        return buckets.computeIfAbsent(subscription, k -> new TokenBucket(rate, now)).take(rate, rate, now) == 0;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
