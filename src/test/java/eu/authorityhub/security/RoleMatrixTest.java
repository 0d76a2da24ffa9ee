package eu.authorityhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the OpenAPI document, called without a token and with a token of every role. An endpoint without
 * a rule here fails the test, so nothing new ships without a decision about who may call it.
 */
@QuarkusTest
class RoleMatrixTest {

    /** Who may call what. PUBLIC: no token needed. AUTHENTICATED: any valid token. Otherwise: these roles. */
    static final Set<String> PUBLIC = Set.of("<public>");
    static final Set<String> AUTHENTICATED = Set.of("<authenticated>");

    static final Set<String> ACTING = Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE);
    static final Set<String> READING = Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN,
            Roles.COORDINATOR);

    static final Set<String> WEBHOOK_OWNERS = Set.of(Roles.AUTHORITY_ADMIN, Roles.BACK_OFFICE, Roles.COORDINATOR);

    static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("POST /api/v1/webhooks", WEBHOOK_OWNERS),
            Map.entry("GET /api/v1/webhooks", WEBHOOK_OWNERS),
            Map.entry("GET /api/v1/webhooks/{id}", WEBHOOK_OWNERS),
            Map.entry("PUT /api/v1/webhooks/{id}", WEBHOOK_OWNERS),
            Map.entry("DELETE /api/v1/webhooks/{id}", WEBHOOK_OWNERS),
            Map.entry("POST /api/v1/webhooks/{id}/disable", WEBHOOK_OWNERS),
            Map.entry("POST /api/v1/webhooks/{id}/enable", WEBHOOK_OWNERS),
            Map.entry("POST /api/v1/webhooks/{id}/secret/rotate", WEBHOOK_OWNERS),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", WEBHOOK_OWNERS),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries/{deliveryId}/attempts", WEBHOOK_OWNERS),
            Map.entry("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", WEBHOOK_OWNERS),
            Map.entry("POST /api/v1/webhooks/{id}/recover", WEBHOOK_OWNERS),
            Map.entry("GET /api/v1/webhooks/{id}/health", WEBHOOK_OWNERS),
            Map.entry("GET /api/v1/webhook-allow-lists/{owner}", Set.of(Roles.HUB_ADMIN)),
            Map.entry("PUT /api/v1/webhook-allow-lists/{owner}", Set.of(Roles.HUB_ADMIN)),
            Map.entry("GET /api/v1/authorities", AUTHENTICATED),
            Map.entry("POST /api/v1/authorities", Set.of(Roles.HUB_ADMIN)),
            Map.entry("GET /api/v1/authorities/competent", PUBLIC),
            Map.entry("GET /api/v1/authorities/{code}", PUBLIC),
            Map.entry("PUT /api/v1/authorities/{code}", Set.of(Roles.HUB_ADMIN)),
            Map.entry("POST /api/v1/authorities/{code}/deactivate", Set.of(Roles.HUB_ADMIN)),
            Map.entry("GET /api/v1/member-states", PUBLIC),
            Map.entry("GET /api/v1/professions", PUBLIC),
            Map.entry("GET /api/v1/policy-areas", PUBLIC),
            Map.entry("GET /api/v1/coordinators", AUTHENTICATED),
            Map.entry("POST /api/v1/coordinators", Set.of(Roles.HUB_ADMIN)),
            Map.entry("GET /api/v1/me", AUTHENTICATED),
            Map.entry("GET /api/v1/questions", AUTHENTICATED),
            Map.entry("POST /api/v1/requests", ACTING),
            Map.entry("POST /api/v1/requests/bulk", ACTING),
            Map.entry("GET /api/v1/requests", Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN)),
            Map.entry("GET /api/v1/requests/{id}", READING),
            Map.entry("GET /api/v1/requests/{id}/timeline", READING),
            Map.entry("POST /api/v1/requests/{id}/send", ACTING),
            Map.entry("POST /api/v1/requests/{id}/accept", ACTING),
            Map.entry("POST /api/v1/requests/{id}/due-date/proposal", ACTING),
            Map.entry("POST /api/v1/requests/{id}/due-date/agreement", ACTING),
            Map.entry("POST /api/v1/requests/{id}/due-date/rejection", ACTING),
            Map.entry("POST /api/v1/requests/{id}/forward", ACTING),
            Map.entry("POST /api/v1/requests/{id}/decline", ACTING),
            Map.entry("POST /api/v1/requests/{id}/answers", ACTING),
            Map.entry("POST /api/v1/requests/{id}/answer", ACTING),
            Map.entry("POST /api/v1/requests/{id}/further-information", ACTING),
            Map.entry("POST /api/v1/requests/{id}/close", ACTING),
            Map.entry("POST /api/v1/requests/{id}/withdraw", ACTING),
            Map.entry("POST /api/v1/requests/{id}/attachments", ACTING),
            Map.entry("GET /api/v1/requests/{id}/attachments", READING),
            Map.entry("GET /api/v1/requests/{id}/attachments/{attachmentId}", ACTING),
            Map.entry("GET /api/v1/inbox", READING),
            Map.entry("POST /api/v1/alerts", ACTING),
            Map.entry("GET /api/v1/alerts/{id}", READING),
            Map.entry("POST /api/v1/alerts/{id}/update", ACTING),
            Map.entry("POST /api/v1/alerts/{id}/withdraw", ACTING),
            Map.entry("POST /api/v1/alerts/{id}/professional-informed", ACTING),
            Map.entry("POST /api/v1/alerts/{id}/receipt", ACTING),
            Map.entry("GET /api/v1/alerts/{id}/receipts", Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE,
                    Roles.AUTHORITY_ADMIN)),
            Map.entry("GET /api/v1/alerts/received", Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE,
                    Roles.AUTHORITY_ADMIN)),
            Map.entry("GET /api/v1/alerts/sent", Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE,
                    Roles.AUTHORITY_ADMIN)),
            Map.entry("GET /api/v1/requests/{id}/deadlines", READING),
            Map.entry("GET /api/v1/requests/{id}/personal-data", Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE,
                    Roles.AUTHORITY_ADMIN, Roles.DATA_PROTECTION_OFFICER)),
            Map.entry("POST /api/v1/requests/{id}/personal-data/unblocking", Set.of(Roles.DATA_PROTECTION_OFFICER)),
            Map.entry("POST /api/v1/requests/{id}/personal-data/deletion", Set.of(Roles.DATA_PROTECTION_OFFICER)),
            Map.entry("GET /api/v1/access-log", Set.of(Roles.AUTHORITY_ADMIN, Roles.DATA_PROTECTION_OFFICER)),
            Map.entry("GET /api/v1/evidence/key", PUBLIC),
            Map.entry("GET /api/v1/subject-access", Set.of(Roles.DATA_PROTECTION_OFFICER)),
            Map.entry("GET /api/v1/evidence/verify", Set.of(Roles.HUB_ADMIN)),
            Map.entry("GET /api/v1/deadlines", Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN)),
            Map.entry("GET /api/v1/deadlines/escalations", Set.of(Roles.COORDINATOR)),
            Map.entry("POST /api/v1/deadlines/{id}/remind", Set.of(Roles.COORDINATOR)),
            Map.entry("POST /api/v1/deadlines/{id}/notes", Set.of(Roles.COORDINATOR)),
            Map.entry("POST /api/v1/deadlines/{id}/reassign", Set.of(Roles.COORDINATOR)),
            Map.entry("GET /api/v1/deadlines/{id}/notes", Set.of(Roles.COORDINATOR)),
            Map.entry("GET /api/v1/indicators", Set.of(Roles.COORDINATOR, Roles.AUTHORITY_ADMIN, Roles.CASE_HANDLER)),
            Map.entry("GET /api/v1/indicators/months", Set.of(Roles.COORDINATOR, Roles.AUTHORITY_ADMIN,
                    Roles.CASE_HANDLER)),
            Map.entry("GET /api/v1/indicators/authorities", Set.of(Roles.COORDINATOR)));

    static String authority;
    static String coordinator;

    @org.junit.jupiter.api.BeforeEach
    void parties() {
        if (authority == null) {
            authority = eu.authorityhub.testing.Fixtures.authorityCode("HU");
            coordinator = authority.replace("-T", "-C");
            eu.authorityhub.testing.Fixtures.createAuthority(authority, "HU", "NURSE");
            given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                    {"code":"%s","kind":"NATIONAL","memberState":"HU","name":"Matrix coordinator"}"""
                    .formatted(coordinator)).post("/api/v1/coordinators").then().statusCode(201);
        }
    }

    /** A token with one role, acting for a real authority and being a real coordinator, so only the role decides. */
    private static String token(String... roles) {
        return Tokens.builder("matrix", roles).claim("authority", authority).claim("coordinator", coordinator).sign();
    }

    @Test
    void everyEndpointHasARuleAndEveryRuleHolds() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").asString());
        Set<String> endpoints = new TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> endpoints.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(endpoints).as("endpoints without an access rule").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for endpoints that no longer exist").isSubsetOf(endpoints);

        List<String> violations = new ArrayList<>();
        for (String endpoint : endpoints) {
            Set<String> rule = RULES.get(endpoint);
            int anonymous = call(endpoint, null).statusCode();
            if (rule == PUBLIC ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                violations.add(endpoint + " without a token answered " + anonymous);
            }
            for (String role : Tokens.allRoles()) {
                int status = call(endpoint, token(role)).statusCode();
                boolean allowed = rule == PUBLIC || rule == AUTHENTICATED || rule.contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    violations.add(endpoint + " as " + role + " answered " + status);
                }
            }
            int noRole = call(endpoint, token()).statusCode();
            boolean allowedWithout = rule == PUBLIC || rule == AUTHENTICATED;
            if (allowedWithout ? noRole == 401 || noRole == 403 : noRole != 403) {
                violations.add(endpoint + " with no role answered " + noRole);
            }
        }
        assertThat(violations).isEmpty();
    }

    private static Response call(String endpoint, String token) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{code}", "NL-MATRIX").replace("{id}", "00000000-0000-0000-0000-000000000001")
                .replace("{attachmentId}", "00000000-0000-0000-0000-000000000002").replace("{deliveryId}", "1")
                .replace("{owner}", "NL-MATRIX");
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (parts[0].equals("POST") || parts[0].equals("PUT")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.when().request(parts[0], path);
    }
}
