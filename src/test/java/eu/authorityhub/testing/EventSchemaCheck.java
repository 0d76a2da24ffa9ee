package eu.authorityhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import eu.authorityhub.messaging.outbox.OutboxMessage;
import eu.authorityhub.messaging.outbox.OutboxRecorder;

/**
 * In every {@code @QuarkusTest}: each event the hub records is checked, as it is recorded, against the published
 * contract in {@code kafka/schemas} (the envelope, and the data by the event's type) with a real JSON Schema validator.
 * An event that does not match, or a type without a schema, fails the step that recorded it, and so the test.
 */
@ApplicationScoped
public class EventSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> DATA = new HashMap<>();
    private static final JsonSchema ENVELOPE;

    static {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema envelope = null;
        try (Stream<Path> files = Files.list(Path.of("kafka", "schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                JsonSchema schema = factory.getSchema(node);
                if (file.getFileName().toString().startsWith("cloudevent-envelope")) {
                    envelope = schema;
                } else {
                    // each data schema's title starts with the event type it describes
                    DATA.put(node.path("title").asText().split(" ")[0], schema);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ENVELOPE = envelope;
    }

    /** Called inside the recording transaction (a synchronous observer), so a mismatch fails the step. */
    void onRecorded(@Observes OutboxRecorder.OutboxCommitted recorded) {
        OutboxMessage m = OutboxMessage.<OutboxMessage>find("eventId", recorded.eventId()).firstResult();
        check(m.eventType, m.payload);
    }

    /** Fails with every mismatch when the envelope or its data does not match the published schemas. */
    public static void check(String type, String envelope) {
        JsonNode node;
        try {
            node = JSON.readTree(envelope);
        } catch (IOException e) {
            throw new AssertionError("event " + type + " is not JSON: " + envelope, e);
        }
        Set<ValidationMessage> problems = new java.util.LinkedHashSet<>(ENVELOPE.validate(node));
        JsonSchema data = DATA.get(type);
        if (data == null) {
            throw new AssertionError("no schema in kafka/schemas for event type " + type);
        }
        problems.addAll(data.validate(node.path("data")));
        if (!problems.isEmpty()) {
            throw new AssertionError("event " + type + " does not match its schema: " + problems + "\n" + envelope);
        }
    }
}
