package eu.authorityhub.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.deadline.IndicatorService;
import eu.authorityhub.deadline.IndicatorsNow;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.WebhookReceiver;
import eu.authorityhub.webhook.DispatchNow;
import eu.authorityhub.webhook.WebhookDispatcher;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operators' dashboard queries only what the hub exports: every metric name in deployment/grafana's expressions
 * appears on the running hub's /q/metrics once there was traffic of each kind (an API call, an event published, a
 * webhook attempt); the backlog gauges are there from the start.
 */
@QuarkusTest
class GrafanaDashboardTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:hub|http_server|jvm)_[a-z0-9_]+)\\b");

    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    IndicatorService indicators;
    @Inject
    BacklogMetrics backlog;
    @Inject
    ConsumerLagMetrics lag;

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws Exception {
        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("deployment", "grafana",
                "hub-dashboard.json")));
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).contains("hub_outbox_backlog", "hub_webhook_backlog", "hub_mail_backlog",
                "hub_deadline_engine_lag_seconds", "hub_indicator_accepted_within_7_days");

        // traffic of each kind: a request to an authority whose back office has a webhook, delivered once
        String pl = Fixtures.authorityCode("PL");
        String nl = Fixtures.authorityCode("NL");
        Fixtures.createAuthority(pl, "PL", "NURSE");
        Fixtures.createAuthority(nl, "NL", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            given().auth().oauth2(Tokens.forAuthority(nl, Roles.AUTHORITY_ADMIN)).contentType("application/json")
                    .body("{\"url\":\"" + receiver.url("/hub") + "\",\"eventTypes\":[\"eu.authorityhub.request.*\"]}")
                    .post("/api/v1/webhooks").then().statusCode(201);
            Fixtures.sentRequest(pl, nl);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                DispatchNow.deliverDue(dispatcher);
                return !receiver.received().isEmpty();
            });
        }

        // consumer lag: the hub's groups, each back to nothing left to read once the request's events are consumed
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            lag.refresh();
            assertThat(lag.latest()).containsKeys("hub-event-journal", "hub-request-inbox", "hub-alert-fan-out")
                    .allSatisfy((group, records) -> assertThat(records).as(group).isZero());
        });

        // the gauges as their schedules would set them
        IndicatorsNow.refresh(indicators);
        backlog.refresh();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String exported = given().auth().oauth2(Tokens.admin()).get("/q/metrics").then().statusCode(200).extract()
                    .asString();
            Set<String> missing = new TreeSet<>();
            for (String name : queried) {
                if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(exported).find()) {
                    missing.add(name);
                }
            }
            assertThat(missing).as("metrics the dashboard queries that the hub does not export").isEmpty();
        });
    }
}
