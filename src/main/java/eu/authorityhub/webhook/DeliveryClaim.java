package eu.authorityhub.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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

    /**
     * At most {@code limit} due deliveries, given how many each endpoint has in flight on this instance.
     */
    @SuppressWarnings("unchecked")
    List<DeliveryJob> claim(OffsetDateTime now, Map<UUID, Integer> inFlight, int limit) {
        List<String> busy = inFlight.entrySet().stream().filter(e -> e.getValue() >= config.perEndpointInFlight())
                .map(e -> e.getKey().toString()).toList();
        // candidates without locks (a scan in due order), then the per-endpoint limits and rate limits in memory,
        // then locks on the chosen rows only: rows left for later are neither locked nor written
        List<Tuple> rows = em.createNativeQuery("select d.id, d.subscription_id, s.rate_limit"
                + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                + " where d.state = 'PENDING' and d.next_attempt_at <= :now and s.status = 'ACTIVE'"
                + " and (s.throttled_until is null or s.throttled_until <= :now)"
                + " and not (cast(d.subscription_id as text) = any (string_to_array(cast(:busy as text), ',')))"
                + " and (not s.ordered or not exists (select 1 from webhook_delivery e where"
                + " e.subscription_id = d.subscription_id and e.case_id = d.case_id and e.state = 'PENDING'"
                + " and e.id < d.id))"
                + " order by d.next_attempt_at, d.id limit :scan", Tuple.class)
                .setParameter("now", now).setParameter("busy", String.join(",", busy))
                .setParameter("scan", Math.max(limit, 64)).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> taken = new HashMap<>();
        List<Long> candidates = new ArrayList<>();
        for (Tuple t : rows) {
            UUID s = (UUID) t.get(1);
            int already = inFlight.getOrDefault(s, 0) + taken.getOrDefault(s, 0);
            if (already >= config.perEndpointInFlight()
                    || !takeToken(s, t.get(2) == null ? null : ((Number) t.get(2)).intValue())) {
                continue;
            }
            taken.merge(s, 1, Integer::sum);
            candidates.add(((Number) t.get(0)).longValue());
            if (candidates.size() == limit) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Tuple> chosen = em.createNativeQuery("select id, subscription_id, event_id, attempts from"
                + " webhook_delivery where id in (:ids) and state = 'PENDING' and next_attempt_at <= :now"
                + " for update skip locked", Tuple.class).setParameter("ids", candidates).setParameter("now", now)
                .getResultList();
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<Long> ids = chosen.stream().map(t -> ((Number) t.get(0)).longValue()).toList();
        em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, next_attempt_at = :lease"
                + " where id in (:ids)").setParameter("lease", now.plus(config.timeout()).plus(LEASE_MARGIN))
                .setParameter("ids", ids).executeUpdate();

        List<UUID> subscriptionIds = chosen.stream().map(t -> (UUID) t.get(1)).distinct().toList();
        List<UUID> eventIds = chosen.stream().map(t -> (UUID) t.get(2)).distinct().toList();
        Map<UUID, Object[]> subscriptions = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, owner, url, mode, transform from"
                + " webhook_subscription where id in (:ids)").setParameter("ids", subscriptionIds).getResultList()) {
            subscriptions.put((UUID) r[0], r);
        }
        Map<UUID, List<String[]>> secrets = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select subscription_id, kind, secret from"
                + " webhook_secret where subscription_id in (:ids) and (expires_at is null or expires_at > :now)"
                + " order by id desc").setParameter("ids", subscriptionIds).setParameter("now", now)
                .getResultList()) {
            secrets.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new String[]{(String) r[1],
                    (String) r[2]});
        }
        Map<UUID, Object[]> messages = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select event_id, event_type, body from"
                + " webhook_message where event_id in (:ids)").setParameter("ids", eventIds).getResultList()) {
            messages.put((UUID) r[0], r);
        }
        List<String> owners = subscriptions.values().stream().map(r -> (String) r[1]).distinct().toList();
        Map<String, AllowList> allowLists = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select owner, array_to_string(cidrs, ','),"
                + " array_to_string(hosts, ',') from webhook_allow_list where owner in (:o)")
                .setParameter("o", owners).getResultList()) {
            allowLists.put((String) r[0], AllowList.of(split((String) r[1]), split((String) r[2])));
        }
        List<DeliveryJob> jobs = new ArrayList<>(chosen.size());
        for (Tuple t : chosen) {
            Object[] s = subscriptions.get((UUID) t.get(1));
            Object[] m = messages.get((UUID) t.get(2));
            jobs.add(new DeliveryJob(((Number) t.get(0)).longValue(), (UUID) s[0], (String) s[1], (String) s[2],
                    Mode.valueOf((String) s[3]), (String) s[4], (UUID) m[0], (String) m[1], (String) m[2],
                    ((Number) t.get(3)).intValue() + 1, secrets.getOrDefault((UUID) s[0], List.of()),
                    allowLists.getOrDefault((String) s[1], AllowList.NONE)));
        }
        return jobs;
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
