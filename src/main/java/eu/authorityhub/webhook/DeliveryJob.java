package eu.authorityhub.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import eu.authorityhub.webhook.EndpointGuard.AllowList;
import eu.authorityhub.webhook.WebhookPayloads.Mode;

/**
 * One claimed and leased delivery, with everything needed to send it: the endpoint, its mode and transformation, the
 * event, the attempt number, the signing secrets in force, the owner's allow-list and the end of the lease.
 */
record DeliveryJob(long deliveryId, UUID subscriptionId, String owner, String url, Mode mode, String transform,
        UUID eventId, String eventType, String body, int attempt, List<String[]> secrets, AllowList allowList,
        OffsetDateTime leaseUntil) {
}
