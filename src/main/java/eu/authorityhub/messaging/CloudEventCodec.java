package eu.authorityhub.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;

/**
 * Writes and reads the hub's events as CloudEvents 1.0 in structured JSON mode: every attribute and the JSON data in
 * one document, so one signature or one hash covers all of it.
 */
@ApplicationScoped
public class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final EventFormat FORMAT = new JsonFormat();

    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(UUID id, OutgoingEvent event, OffsetDateTime time) {
        byte[] data;
        try {
            data = mapper.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload is not serialisable: " + event.type(), e);
        }
        CloudEvent ce = CloudEventBuilder.v1().withId(id.toString()).withType(event.type())
                .withSource(URI.create(event.source())).withSubject(event.caseId())
                .withTime(time.withOffsetSameInstant(ZoneOffset.UTC)).withDataContentType("application/json")
                .withExtension("partitionkey", event.caseId()).withData(data).build();
        return new String(FORMAT.serialize(ce), StandardCharsets.UTF_8);
    }

    /** Parses a structured-mode CloudEvent; throws {@link MalformedEventException} when it is not one. */
    public CloudEvent decode(String json) {
        if (json == null) {
            throw new MalformedEventException("empty record");
        }
        try {
            return FORMAT.deserialize(json.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getMessage());
        }
    }

    public JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new MalformedEventException("event data is not JSON: " + e.getMessage());
        }
    }

    /** A record on a topic that cannot be read as a hub event. */
    public static class MalformedEventException extends IllegalArgumentException {

        public MalformedEventException(String message) {
            super(message);
        }
    }
}
