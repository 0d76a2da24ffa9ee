package eu.authorityhub.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared infrastructure for every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(HubInfrastructure.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
