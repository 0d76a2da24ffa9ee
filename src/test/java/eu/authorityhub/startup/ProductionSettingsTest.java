package eu.authorityhub.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The production settings check, rule by rule (the packaged hub's refusal is ProductionStartTest). */
class ProductionSettingsTest {

    private static final Map<String, String> GOOD = Map.of("quarkus.datasource.jdbc.url",
            "jdbc:postgresql://db:5432/hub", "kafka.bootstrap.servers", "kafka-1:9092, kafka-2:9092",
            "quarkus.oidc.auth-server-url", "https://idp.example.eu/realms/hub");

    @Test
    void aCompleteConfigurationPasses() {
        assertThat(check(GOOD)).isEmpty();
        assertThat(check(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/hub", "kafka.bootstrap.servers",
                "[::1]:9092", "quarkus.oidc.public-key", "MIIB..."))).as("a fixed verification key instead").isEmpty();
    }

    @Test
    void eachMissingSettingIsNamedOnItsOwnLine() {
        assertThat(check(Map.of())).hasSize(3).anySatisfy(p -> assertThat(p).startsWith(
                "Missing setting quarkus.datasource.jdbc.url (environment variable QUARKUS_DATASOURCE_JDBC_URL)"))
                .anySatisfy(p -> assertThat(p).startsWith(
                        "Missing setting kafka.bootstrap.servers (environment variable KAFKA_BOOTSTRAP_SERVERS)"))
                .anySatisfy(p -> assertThat(p).startsWith("Missing setting quarkus.oidc.auth-server-url"));
    }

    @Test
    void malformedSettingsAreNamed() {
        assertThat(check(with("kafka.bootstrap.servers", "kafka-1:9092,kafka-2"))).singleElement().asString()
                .startsWith("Invalid setting kafka.bootstrap.servers").contains("'kafka-2'");
        assertThat(check(with("kafka.bootstrap.servers", "kafka-1:0"))).hasSize(1);
        assertThat(check(with("kafka.bootstrap.servers", "kafka-1:65536"))).hasSize(1);
        assertThat(check(with("kafka.bootstrap.servers", ":9092"))).hasSize(1);
        assertThat(check(with("quarkus.datasource.jdbc.url", "jdbc:mysql://db/hub"))).singleElement().asString()
                .startsWith("Invalid setting quarkus.datasource.jdbc.url");
        assertThat(check(with("quarkus.oidc.auth-server-url", "idp.example.eu/realms/hub"))).singleElement()
                .asString().startsWith("Invalid setting quarkus.oidc.auth-server-url");
        assertThat(check(with("quarkus.oidc.auth-server-url", "ftp://idp.example.eu/"))).hasSize(1);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(GOOD);
        m.put(key, value);
        return m;
    }

    private static java.util.List<String> check(Map<String, String> settings) {
        return ProductionSettings.problems(k -> Optional.ofNullable(settings.get(k)).map(String::strip));
    }
}
