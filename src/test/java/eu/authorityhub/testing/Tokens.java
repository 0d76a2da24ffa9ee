package eu.authorityhub.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.oidc.client.OidcTestClient;

/** Real signed access tokens from the in-process OIDC provider (Dev Services for OIDC), cached per user. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> {
            OidcTestClient client = new OidcTestClient();
            try {
                return client.getAccessToken(u, u);
            } finally {
                client.close();
            }
        });
    }

    /** The demo hub administrator. */
    public static String admin() {
        return of("alice");
    }
}
