package eu.authorityhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;

import eu.authorityhub.embedded.DevIdentityProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The pages' identity provider for the tests: the development provider (authorization-code flow, a sign-in page on
 * which a user is chosen), one per test JVM. Tests add their users with {@link #user}; users are system properties
 * (strings only: other code copies the system properties) so that the test resource and the tests, loaded by
 * different class loaders, share them.
 */
public final class PagesIdentityProvider implements QuarkusTestResourceLifecycleManager {

    private static final String USER = "hub.tests.pages.user.";
    private static final String URL = "hub.tests.pages.oidc";

    /** Adds (or replaces) a user who may sign in to the pages, with roles such as "authority:PL-NIL". */
    public static void user(String name, String... roles) {
        System.setProperty(USER + name, String.join(",", roles));
    }

    /** A live view of the users in the system properties. */
    private static Map<String, String> users() {
        return new AbstractMap<>() {

            @Override
            public Set<Entry<String, String>> entrySet() {
                Set<Entry<String, String>> out = new LinkedHashSet<>();
                for (String key : System.getProperties().stringPropertyNames()) {
                    if (key.startsWith(USER)) {
                        out.add(Map.entry(key.substring(USER.length()), System.getProperty(key)));
                    }
                }
                return out;
            }

            @Override
            public String get(Object name) {
                return System.getProperty(USER + name);
            }

            @Override
            public boolean containsKey(Object name) {
                return System.getProperty(USER + name) != null;
            }
        };
    }

    @Override
    public synchronized Map<String, String> start() {
        if (System.getProperty(URL) == null) {
            try {
                System.setProperty(URL, new DevIdentityProvider(0, users()).issuer());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of("quarkus.oidc.web.auth-server-url", System.getProperty(URL));
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; its threads are daemons
    }
}
