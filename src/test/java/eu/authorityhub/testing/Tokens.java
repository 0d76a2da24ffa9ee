package eu.authorityhub.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import eu.authorityhub.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256-signed access tokens, verified by the hub against the JWKS of the test OIDC provider. Issuer
 * {@code https://server.example.com}, audience {@code hub}, roles in {@code groups}.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "hub";

    private Tokens() {
    }

    /** A token builder with the hub's expected issuer and audience, for tests that bend one claim. */
    public static JwtClaimsBuilder builder(String subject, String... roles) {
        return Jwt.subject(subject).preferredUserName(subject).issuer(ISSUER).audience(AUDIENCE)
                .groups(new HashSet<>(Arrays.asList(roles))).claim("azp", subject + "-client")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
    }

    public static String withRoles(String subject, String... roles) {
        return builder(subject, roles).sign();
    }

    /** A person or system acting for an authority, with the authority in its own claim. */
    public static String forAuthority(String authority, String role) {
        return builder(role + "@" + authority, role).claim("authority", authority).sign();
    }

    public static String coordinator(String coordinatorCode) {
        return builder("coordinator@" + coordinatorCode, Roles.COORDINATOR).claim("coordinator", coordinatorCode)
                .sign();
    }

    /**
     * Outside a Quarkus test (a plain JUnit test driving a packaged hub), the signing key comes from a system
     * property.
     */
    public static void useTestSigningKey() {
        if (System.getProperty("smallrye.jwt.sign.key.location") == null) {
            System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        }
    }

    /** A back-office system's token for a long run (the default ten minutes end mid-run). */
    public static String backOffice(String authority, java.time.Duration validity) {
        return builder(Roles.BACK_OFFICE + "@" + authority, Roles.BACK_OFFICE).claim("authority", authority)
                .expiresAt(Instant.now().plus(validity)).sign();
    }

    /** The hub administrator. */
    public static String admin() {
        return withRoles("admin", Roles.HUB_ADMIN);
    }

    /** A case handler who acts for no authority. */
    public static String caseHandler() {
        return withRoles("handler", Roles.CASE_HANDLER);
    }

    public static Set<String> allRoles() {
        return Set.of(Roles.HUB_ADMIN, Roles.AUTHORITY_ADMIN, Roles.CASE_HANDLER, Roles.COORDINATOR,
                Roles.BACK_OFFICE, Roles.DATA_PROTECTION_OFFICER);
    }
}
