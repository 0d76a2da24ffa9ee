package eu.authorityhub.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.messaging.CloudEventCodec;

/**
 * Renders a delivery as its endpoint asked (a structured or binary CloudEvent, or the transformed JSON) and signs it
 * as Standard Webhooks say, with every secret in force (two during a rotation).
 */
@ApplicationScoped
class DeliveryRenderer {

    /** The request to send: its body and headers. */
    record Rendered(String body, Map<String, String> headers) {
    }

    private final PayloadTransformer transformer;
    private final CloudEventCodec codec;
    private final Clock clock;

    DeliveryRenderer(PayloadTransformer transformer, CloudEventCodec codec, Clock clock) {
        this.transformer = transformer;
        this.codec = codec;
        this.clock = clock;
    }

    /** @throws PayloadTransformer.TransformationFailed when the endpoint's transformation does not apply */
    Rendered render(DeliveryJob job) {
        String body;
        String contentType;
        Map<String, String> headers = new LinkedHashMap<>();
        switch (job.mode()) {
            case STRUCTURED -> {
                body = job.body();
                contentType = CloudEventCodec.CONTENT_TYPE;
            }
            case BINARY -> {
                BinaryMode.Rendered binary = BinaryMode.render(codec.decode(job.body()));
                body = binary.body();
                contentType = binary.contentType();
                headers.putAll(binary.headers());
            }
            default -> {
                body = transformer.apply(job.transform(), job.body());
                contentType = "application/json";
            }
        }
        String id = job.eventId().toString();
        long timestamp = clock.instant().getEpochSecond();
        List<String> signatures = new ArrayList<>();
        for (String[] secret : job.secrets()) {
            signatures.add(secret[0].equals("HMAC")
                    ? WebhookSigner.v1(secret[1], id, timestamp, body)
                    : WebhookSigner.v1a(secret[1], id, timestamp, body));
        }
        headers.put("content-type", contentType);
        headers.put("user-agent", "authorityhub-webhooks/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", String.join(" ", signatures));
        return new Rendered(body, headers);
    }
}
