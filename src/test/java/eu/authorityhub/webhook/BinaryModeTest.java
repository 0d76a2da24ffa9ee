package eu.authorityhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;

/** Binary mode against the CloudEvents SDK's own HTTP reader. */
class BinaryModeTest {

    @Test
    void aWholeMinuteKeepsItsSecondsAndExtensionsSurvive() {
        CloudEvent event = CloudEventBuilder.v1().withId("0b0e3b4a-6c9e-4d38-9e53-1f1c2b9a5d11")
                .withType("eu.authorityhub.request.send.v1").withSource(URI.create("/hub/requests"))
                .withSubject("REQ-2026-000001").withTime(OffsetDateTime.parse("2026-11-29T10:00:00Z"))
                .withDataContentType("application/json").withExtension("partitionkey", "case-1")
                .withData("{\"requestId\":\"case-1\"}".getBytes(StandardCharsets.UTF_8)).build();

        BinaryMode.Rendered r = BinaryMode.render(event);

        assertThat(r.headers()).containsEntry("ce-time", "2026-11-29T10:00:00Z").containsEntry("ce-partitionkey",
                "case-1").containsEntry("ce-id", event.getId()).containsEntry("ce-specversion", "1.0");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"requestId\":\"case-1\"}");
        java.util.Map<String, String> all = new java.util.HashMap<>(r.headers());
        all.put("content-type", r.contentType());
        CloudEvent read = HttpMessageFactory.createReader(all, r.body().getBytes(StandardCharsets.UTF_8)).toEvent();
        assertThat(read).isEqualTo(event);
    }
}
