package eu.authorityhub.webhook;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;
import eu.authorityhub.webhook.WebhookPayloads.EndpointDisabledEvent;

/**
 * Turns off endpoints that are gone (410) or have failed for too long, and tells their owners: an event to the owner's
 * inbox and its other webhooks. Runs in the transaction that records the outcomes.
 */
@ApplicationScoped
class EndpointDisabler {

    private static final Logger LOG = Logger.getLogger(EndpointDisabler.class);
    private static final String SOURCE = "/hub/webhooks";

    private final EntityManager em;
    private final OutboxRecorder outbox;
    private final WebhookConfig config;

    EndpointDisabler(EntityManager em, OutboxRecorder outbox, WebhookConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    void gone(Collection<UUID> subscriptions, OffsetDateTime now) {
        for (UUID s : subscriptions) {
            disable(s, "the endpoint answered 410 Gone", now);
        }
    }

    /** Of the endpoints that just failed, those without a success for the configured period. */
    void stale(Collection<UUID> failing, OffsetDateTime now) {
        if (failing.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> stale = em.createNativeQuery("select id from webhook_subscription where id in (:ids) and"
                + " status = 'ACTIVE' and failing_since <= :limit").setParameter("ids", List.copyOf(failing))
                .setParameter("limit", now.minus(config.disableAfter())).getResultList();
        for (UUID s : stale) {
            disable(s, "no successful delivery for " + config.disableAfter().toDays() + " days", now);
        }
    }

    private void disable(UUID subscription, String reason, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update webhook_subscription set status = 'DISABLED',"
                + " disabled_reason = :r, updated_at = :now, version = version + 1 where id = :s and"
                + " status = 'ACTIVE' returning owner, url").setParameter("r", reason).setParameter("now", now)
                .setParameter("s", subscription).getResultList();
        for (Object[] r : rows) {
            String owner = (String) r[0];
            LOG.infof("Webhook endpoint %s of %s disabled: %s", subscription, owner, reason);
            outbox.record(new OutgoingEvent(EventTypes.WEBHOOK_ENDPOINT_DISABLED, subscription.toString(), SOURCE,
                    new EndpointDisabledEvent(subscription, subscription, "WEBHOOK", owner, (String) r[1], reason,
                            now, List.of(owner), "DISABLED"),
                    List.of(Topics.WEBHOOK_EVENTS)));
        }
    }
}
