package eu.authorityhub.pages;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The pages' sign-in outside dev mode and tests: the pages' tenant uses the API's identity provider unless it has
 * its own ({@code quarkus.oidc.web.auth-server-url}); a hub whose API checks tokens with a fixed public key, without
 * a provider, has no sign-in and so no pages (the tenant is disabled rather than failing the start).
 */
public final class PagesSignInDefaults implements ConfigSourceFactory {

    static final String WEB = "quarkus.oidc.web.auth-server-url";
    static final String API = "quarkus.oidc.auth-server-url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("dev") || context.getProfiles().contains("test") || present(context,
                WEB)) {
            return List.of();
        }
        Map<String, String> defaults = present(context, API)
                ? Map.of(WEB, context.getValue(API).getValue())
                : Map.of("quarkus.oidc.web.tenant-enabled", "false");
        return List.of(new MapBackedConfigSource("pages sign-in defaults", defaults, 50) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(90);
    }

    private static boolean present(ConfigSourceContext context, String key) {
        ConfigValue v = context.getValue(key);
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }
}
