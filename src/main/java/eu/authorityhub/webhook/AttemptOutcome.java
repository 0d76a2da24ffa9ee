package eu.authorityhub.webhook;

import java.time.OffsetDateTime;

/** What one delivery attempt gave: a status and the head of the response, or the error that stopped it. */
record AttemptOutcome(DeliveryJob job, OffsetDateTime startedAt, int latencyMs, Integer status, String error,
        String response, String retryAfter) {

    boolean success() {
        return status != null && status >= 200 && status < 300;
    }

    /** The endpoint says it is overloaded: the subscription is left out of claims until its next attempt. */
    boolean throttles() {
        return status != null && (status == 429 || status == 502 || status == 503 || status == 504);
    }

    /** What the attempt log and the endpoint's health show. */
    String problem() {
        return error != null ? error : success() ? null : "HTTP " + status;
    }
}
