package eu.authorityhub.startup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValue;

/**
 * Fail fast: the packaged hub refuses to start when its connection settings are missing or malformed, before it
 * connects to anything, with one line per setting. Read through the configuration (every Quarkus source: system
 * properties, environment, {@code .env}, {@code config/application.properties}, profile entries), when the packaged
 * application builds it; dev mode and the tests supply these settings themselves and are not checked here.
 */
public final class ProductionSettings implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String KAFKA = "kafka.bootstrap.servers";
    static final String OIDC_URL = "quarkus.oidc.auth-server-url";
    static final String OIDC_KEY = "quarkus.oidc.public-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!packagedRuntime() || context.getProfiles().contains("dev") || context.getProfiles().contains("test")) {
            return List.of();
        }
        List<String> problems = problems(key -> Optional.ofNullable(context.getValue(key)).map(ConfigValue::getValue)
                .map(String::strip).filter(v -> !v.isEmpty()));
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.stream().map(ConfigValidationException.Problem::new)
                    .toArray(ConfigValidationException.Problem[]::new));
        }
        return List.of();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    /** What is missing or malformed, one sentence per setting naming it; empty when the hub may start. */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        Optional<String> jdbc = setting.apply(JDBC_URL);
        if (jdbc.isEmpty()) {
            problems.add(missing(JDBC_URL, "the PostgreSQL database, e.g. jdbc:postgresql://db:5432/hub"));
        } else if (!jdbc.get().startsWith("jdbc:postgresql://")) {
            problems.add(invalid(JDBC_URL, "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)"));
        }
        Optional<String> kafka = setting.apply(KAFKA);
        if (kafka.isEmpty()) {
            problems.add(missing(KAFKA, "the Kafka brokers, e.g. kafka-1:9092,kafka-2:9092"));
        } else {
            for (String server : kafka.get().split(",")) {
                if (!validHostAndPort(server.strip())) {
                    problems.add(invalid(KAFKA, "'" + server.strip()
                            + "' is not host:port with a port from 1 to 65535"));
                }
            }
        }
        Optional<String> oidc = setting.apply(OIDC_URL);
        if (oidc.isEmpty() && setting.apply(OIDC_KEY).isEmpty()) {
            problems.add(missing(OIDC_URL, "the OIDC provider that signs the callers' tokens, e.g."
                    + " https://idp.example.eu/realms/hub (or " + OIDC_KEY + " to verify with a fixed key)"));
        } else if (oidc.isPresent() && !validHttpUrl(oidc.get())) {
            problems.add(invalid(OIDC_URL, "must be an http or https URL with a host"));
        }
        return problems;
    }

    private static String missing(String key, String what) {
        return "Missing setting " + key + " (environment variable " + envName(key) + "): " + what;
    }

    private static String invalid(String key, String why) {
        return "Invalid setting " + key + " (environment variable " + envName(key) + "): " + why;
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static boolean validHostAndPort(String server) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || colon == server.length() - 1) {
            return false;
        }
        try {
            int port = Integer.parseInt(server.substring(colon + 1));
            return port >= 1 && port <= 65535 && !server.substring(0, colon).isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean validHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The packaged application runs on Quarkus' production class loader; the build and dev mode do not. */
    private static boolean packagedRuntime() {
        return ProductionSettings.class.getClassLoader().getClass().getName()
                .equals("io.quarkus.bootstrap.runner.RunnerClassLoader");
    }
}
