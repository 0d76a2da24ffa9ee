package eu.authorityhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.TopicDefinitions;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.request.RequestState;

/** The published contracts (docs/errors.md, kafka/) stay in step with the code. */
class ContractDocsTest {

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/errors.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).as("docs/errors.md lists " + code).contains("| `" + code.name() + "` | " + code.status());
        }
    }

    @Test
    void everyPublishedEventTypeHasASchemaAndAnAsyncApiMessage() throws Exception {
        String asyncapi = Files.readString(Path.of("kafka/asyncapi.yaml"));
        ObjectMapper json = new ObjectMapper();
        for (Field f : EventTypes.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            String type = (String) f.get(null);
            if (!EventTypes.PUBLISHED.contains(type)) {
                continue;
            }
            assertThat(asyncapi).as("asyncapi.yaml names " + type).contains(type);
            String[] parts = type.split("\\.");
            String file = parts[parts.length - 3] + "-" + parts[parts.length - 2] + "." + parts[parts.length - 1]
                    + ".json";
            JsonNode schema = json.readTree(Path.of("kafka/schemas", file).toFile());
            assertThat(schema.get("title").asText()).startsWith(type);
        }
    }

    @Test
    void everyRequestStepEventHasASchemaAndAnAsyncApiMessage() throws Exception {
        String asyncapi = Files.readString(Path.of("kafka/asyncapi.yaml"));
        for (RequestState.Action action : RequestState.Action.values()) {
            if (action == RequestState.Action.SAVE_ANSWERS || action == RequestState.Action.ATTACH) {
                continue; // no event: saved answers and attachments are not steps of the exchange
            }
            String type = action.eventType();
            assertThat(asyncapi).as("asyncapi.yaml names " + type).contains("name: " + type);
            String step = type.substring(EventTypes.REQUEST_PREFIX.length(), type.length() - 3);
            JsonNode schema = new ObjectMapper().readTree(Path.of("kafka/schemas", "request-" + step + ".v1.json")
                    .toFile());
            assertThat(schema.get("title").asText()).startsWith(type);
        }
    }

    @Test
    void everyTopicTheCodeNamesIsDefined() {
        var defined = TopicDefinitions.load().topics().stream().map(TopicDefinitions.Topic::name).toList();
        assertThat(defined).contains(Topics.DIRECTORY_EVENTS, Topics.REQUEST_EVENTS, Topics.ALERT_EVENTS,
                Topics.DEADLINE_EVENTS, Topics.WEBHOOK_EVENTS, Topics.DEAD_LETTER, Topics.memberState("NL"),
                Topics.memberState("NO"));
        assertThat(defined).hasSize(36);
    }
}
