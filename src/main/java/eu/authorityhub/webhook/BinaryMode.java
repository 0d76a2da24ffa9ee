package eu.authorityhub.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;

/**
 * A webhook body in CloudEvents binary mode: the event's data as the body, every attribute and extension as its
 * {@code ce-} header, written by the CloudEvents SDK's HTTP binding (so the time keeps its seconds as RFC 3339
 * requires, and extensions such as {@code partitionkey} are not lost).
 */
final class BinaryMode {

    /** The body, its content type and the {@code ce-} headers (lower case). */
    record Rendered(String body, String contentType, Map<String, String> headers) {
    }

    private BinaryMode() {
    }

    static Rendered render(CloudEvent event) {
        Map<String, String> written = new LinkedHashMap<>();
        byte[][] data = new byte[1][];
        HttpMessageFactory.createWriter(written::put, bytes -> data[0] = bytes).writeBinary(event);
        String contentType = "application/json";
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : written.entrySet()) {
            if (h.getKey().equalsIgnoreCase("content-type")) {
                contentType = h.getValue();
            } else {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
            }
        }
        return new Rendered(data[0] == null ? "" : new String(data[0], StandardCharsets.UTF_8), contentType, headers);
    }
}
