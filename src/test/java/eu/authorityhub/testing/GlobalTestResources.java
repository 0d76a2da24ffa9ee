package eu.authorityhub.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Registers, for every {@code @QuarkusTest} of this module, the shared Kafka and PostgreSQL and an OIDC provider that
 * serves a real JWKS over HTTP (tokens are signed with its private key by {@link Tokens}), and the pages' sign-in
 * provider ({@link PagesIdentityProvider}) and a real SMTP server ({@link MailServer}).
 */
@QuarkusTestResource(HubInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PagesIdentityProvider.class)
@QuarkusTestResource(MailServer.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
