package eu.authorityhub.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook API reads and writes. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** How the event is put in the HTTP request. */
    public enum Mode {
        /** CloudEvents structured mode: the whole event in the body, so the signature covers every attribute. */
        STRUCTURED,
        /** CloudEvents binary mode: the data in the body, the attributes in ce-* headers. */
        BINARY,
        /** The body is the result of the subscription's JSLT template applied to the structured event. */
        TRANSFORMED
    }

    public enum Status {
        ACTIVE,
        DISABLED,
        DELETED
    }

    @Schema(name = "WebhookSubscriptionRequest")
    public record SubscriptionRequest(
            @NotNull @Size(max = 2048) @Schema(description = "https URL of the receiving system") String url,
            @NotEmpty @Size(max = 50) @Schema(description = "CloudEvents types; '*' matches any run of characters, e.g. eu.authorityhub.alert.*") List<@NotNull @Size(max = 200) String> eventTypes,
            @Size(max = 31) @Schema(description = "Only cases with a party in one of these member states (coordinators, alert consumers)") List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> memberStates,
            @Size(max = 50) @Schema(description = "Only cases about one of these professions") List<@NotNull @Pattern(regexp = eu.authorityhub.directory.AuthorityPayloads.REFERENCE_CODE) String> professions,
            @Size(max = 500) String description, Mode mode,
            @Size(max = 20000) @Schema(description = "JSLT template, with mode TRANSFORMED") String transform,
            @Schema(description = "Deliver the events of one case in order, each after the previous one succeeded") Boolean ordered,
            @Min(1) @Max(10000) @Schema(description = "At most this many deliveries per second") Integer rateLimit,
            @Schema(description = "Also sign with ed25519 (v1a); the public key is returned") Boolean ed25519) {
    }

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(UUID id, String owner, String url, String description, List<String> eventTypes,
            List<String> memberStates, List<String> professions, Mode mode, String transform, boolean ordered,
            Integer rateLimit, Status status, String disabledReason, String publicKey, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, long version) {
    }

    @Schema(name = "WebhookSubscriptionCreated", description = "The subscription and its secret, shown only now")
    public record Created(SubscriptionView subscription, String secret, String publicKey) {
    }

    @Schema(name = "WebhookSecretRotated", description = "The new secret; the previous one also signs until graceUntil")
    public record Rotated(String secret, String publicKey, OffsetDateTime graceUntil) {
    }

    public record RotateRequest(
            @Min(0) @Max(604800) @Schema(description = "Grace period in seconds (default: hub.webhooks.rotation-grace)") Long graceSeconds) {
    }

    public record RecoverRequest(
            @NotNull @Schema(description = "Every failed delivery created since then is tried again") OffsetDateTime since) {
    }

    @Schema(name = "WebhookRecovered")
    public record Recovered(int deliveries) {
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(long id, UUID eventId, String eventType, String caseId, String state, int attempts,
            OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime deliveredAt, Integer lastStatus,
            String lastError) {
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptView(int attempt, OffsetDateTime startedAt, Integer latencyMs, Integer status,
            String error, String response, OffsetDateTime nextAttemptAt) {
    }

    @Schema(name = "WebhookHealth", description = "An endpoint's health over the last 24 hours")
    public record HealthView(UUID subscriptionId, Status status, String disabledReason, long attempts24h,
            long successes24h, Double successRate24h, Double averageLatencyMs24h, long pending, long failed,
            OffsetDateTime lastSuccessAt, OffsetDateTime lastFailureAt, String lastError,
            OffsetDateTime failingSince, OffsetDateTime throttledUntil) {
    }

    @Schema(name = "WebhookAllowList", description = "Private networks and hosts an owner's endpoints may reach")
    public record AllowListBody(@NotNull @Size(max = 100) List<@NotNull @Size(max = 64) String> networks,
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Za-z0-9.-]{1,253}") String> hosts) {
    }

    /** Data of eu.authorityhub.webhook.endpoint.disabled.v1 (kafka/schemas/endpoint-disabled.v1.json). */
    public record EndpointDisabledEvent(UUID subscriptionId, UUID caseId, String caseType, String owner, String url,
            String reason, OffsetDateTime disabledAt, List<String> addressees, String state) {
    }
}
