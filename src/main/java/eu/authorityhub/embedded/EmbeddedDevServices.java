package eu.authorityhub.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The embedded default as a configuration source, in the manner of a Quarkus Dev Service: in the {@code dev} profile
 * only, when no datasource URL or no Kafka bootstrap servers are configured in any Quarkus configuration source
 * (system properties, environment, {@code .env}, {@code config/application.properties}, {@code application.properties},
 * profile entries), it starts a real PostgreSQL and/or a real KRaft broker and supplies their connection settings.
 * <p>
 * Tests get the same servers from their own test resource. Outside the {@code dev} profile this class does nothing, and
 * the packaged application does not even contain the servers' libraries ({@code %prod.quarkus.class-loading.removed-artifacts});
 * the check below keeps a packaged hub started with the dev profile from failing obscurely.
 * <p>
 * Dev mode rebuilds its configuration on every live reload: the servers start once per JVM, and their settings are
 * kept as system properties (global to the JVM, unlike a static field of a reloaded class).
 */
public final class EmbeddedDevServices implements ConfigSourceFactory {

    static final String STARTED = "hub.embedded.started";
    private static final String MAIL_STARTED = "hub.embedded.mail-started";
    private static final String WEB_OIDC = "quarkus.oidc.web.auth-server-url";
    private static final String DEMO_ROLES = "quarkus.oidc.devservices.roles.";
    private static final String KAFKA = "kafka.bootstrap.servers";
    private static final String JDBC = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        Function<String, Optional<String>> setting = key -> Optional.ofNullable(context.getValue(key))
                .map(ConfigValue::getValue).filter(v -> !v.isBlank());
        List<ConfigSource> sources = new ArrayList<>();
        webIdentityProvider(context, setting).ifPresent(sources::add);
        mailServer(setting).ifPresent(sources::add);
        sources.addAll(servers(setting));
        return sources;
    }

    /**
     * The pages' sign-in in dev mode: a {@link DevIdentityProvider} with the demo users of
     * {@code quarkus.oidc.devservices.roles.*}, unless the pages' tenant has a provider configured. Once per JVM.
     */
    private static Optional<ConfigSource> webIdentityProvider(ConfigSourceContext context,
            Function<String, Optional<String>> setting) {
        if (System.getProperty(WEB_OIDC) == null) {
            if (setting.apply(WEB_OIDC).isPresent()) {
                return Optional.empty();
            }
            Map<String, String> roles = new java.util.TreeMap<>();
            for (Iterator<String> names = context.iterateNames(); names.hasNext();) {
                String name = names.next();
                if (name.startsWith(DEMO_ROLES)) {
                    setting.apply(name).ifPresent(v -> roles.put(name.substring(DEMO_ROLES.length()), v));
                }
            }
            try {
                DevIdentityProvider provider = new DevIdentityProvider(port(setting, "hub.embedded.oidc-port", 18180),
                        roles);
                System.setProperty(WEB_OIDC, provider.issuer());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("The development identity provider did not start", e);
            }
        }
        return Optional.of(new MapBackedConfigSource("embedded identity provider", Map.of(WEB_OIDC, System
                .getProperty(WEB_OIDC)), 150) {
        });
    }

    /** The dev mail server, unless a mail server is configured. Once per JVM. */
    private static Optional<ConfigSource> mailServer(Function<String, Optional<String>> setting) {
        if (System.getProperty(MAIL_STARTED) == null) {
            if (setting.apply("quarkus.mailer.host").isPresent() || !EmbeddedMail.present()) {
                return Optional.empty();
            }
            Map<String, String> config = EmbeddedMail.start(port(setting, "hub.embedded.smtp-port", 13025), port(
                    setting, EmbeddedMail.IMAP_PORT, 13143));
            config.forEach(System::setProperty);
            System.setProperty(MAIL_STARTED, String.join(",", config.keySet()));
        }
        Map<String, String> config = new java.util.HashMap<>();
        for (String key : System.getProperty(MAIL_STARTED).split(",")) {
            config.put(key, System.getProperty(key));
        }
        return Optional.of(new MapBackedConfigSource("embedded mail server", config, 150) {
        });
    }

    private static List<ConfigSource> servers(Function<String, Optional<String>> setting) {
        if (System.getProperty(STARTED) != null) {
            return List.of();
        }
        boolean kafkaConfigured = setting.apply(KAFKA).isPresent();
        boolean datasourceConfigured = setting.apply(JDBC).isPresent();
        if (kafkaConfigured && datasourceConfigured) {
            return List.of();
        }
        if (!embeddedServersPresent()) {
            throw new IllegalStateException(
                    "The dev profile needs the embedded Kafka and PostgreSQL, which the packaged"
                            + " hub does not contain: run it with ./mvnw quarkus:dev, or configure " + KAFKA + " and "
                            + JDBC);
        }
        EmbeddedInfrastructure.Settings settings = new EmbeddedInfrastructure.Settings(
                Path.of(setting.apply("hub.embedded.data-dir").orElse(".hub-data")).toAbsolutePath(),
                port(setting, "hub.embedded.kafka-port", 19092), port(setting, "hub.embedded.kafka-controller-port",
                        19093),
                port(setting, "hub.embedded.postgres-port", 15432), kafkaConfigured, datasourceConfigured);
        Map<String, String> config = EmbeddedInfrastructure.startForDevMode(settings);
        config.forEach(System::setProperty);
        System.setProperty(STARTED, "true");
        return List.of(new MapBackedConfigSource("embedded dev services", config, 150) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static int port(Function<String, Optional<String>> setting, String key, int fallback) {
        return setting.apply(key).map(Integer::parseInt).orElse(fallback);
    }

    private static boolean embeddedServersPresent() {
        try {
            Class.forName("kafka.server.KafkaRaftServer", false, EmbeddedDevServices.class.getClassLoader());
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, EmbeddedDevServices.class
                    .getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
