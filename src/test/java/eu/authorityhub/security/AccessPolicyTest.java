package eu.authorityhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.directory.Coordinator;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.AccessPolicy.Parties;

/** The rules of "may this caller act on this case?", without Quarkus. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final Parties nlToFr = new Parties(Set.of("NL-BIG", "FR-CNOM"), Set.of("NL", "FR"), "PQ");

    @Test
    void partiesActingForTheirAuthorityHaveAccess() {
        for (String role : Set.of(Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN)) {
            assertThat(policy.accessTo(acting("FR-CNOM", role), nlToFr)).isEqualTo(Access.PARTY);
        }
    }

    @Test
    void otherAuthoritiesAndRolesWithoutAPartyHaveNone() {
        assertThat(policy.accessTo(acting("DE-BAEK", Roles.CASE_HANDLER), nlToFr)).isEqualTo(Access.NONE);
        assertThat(policy.accessTo(acting("NL-BIG", "some-other-role"), nlToFr)).isEqualTo(Access.NONE);
        Caller admin = new Caller("admin", "c", Set.of(Roles.HUB_ADMIN), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(policy.accessTo(admin, nlToFr)).as("hub admins manage the directory, not cases")
                .isEqualTo(Access.NONE);
    }

    @Test
    void coordinatorsSeeCasesWithAPartyInTheirScope() {
        assertThat(policy.accessTo(coordinator(Coordinator.Kind.NATIONAL, "NL", null), nlToFr))
                .isEqualTo(Access.COORDINATOR);
        assertThat(policy.accessTo(coordinator(Coordinator.Kind.POLICY_AREA, "FR", "PQ"), nlToFr))
                .isEqualTo(Access.COORDINATOR);
        assertThat(policy.accessTo(coordinator(Coordinator.Kind.POLICY_AREA, "FR", "SERVICES"), nlToFr))
                .isEqualTo(Access.NONE);
        assertThat(policy.accessTo(coordinator(Coordinator.Kind.NATIONAL, "DE", null), nlToFr))
                .isEqualTo(Access.NONE);
    }

    @Test
    void coordinatorRoleWithoutAKnownCoordinatorHasNone() {
        Caller c = new Caller("x", "c", Set.of(Roles.COORDINATOR), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(policy.accessTo(c, nlToFr)).isEqualTo(Access.NONE);
    }

    @Test
    void refusalLooksExactlyLikeAMissingCase() {
        HubException refused = (HubException) catchRequire(acting("DE-BAEK", Roles.CASE_HANDLER));
        HubException missing = AccessPolicy.notFound("request R-1");
        assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND).isEqualTo(missing.code());
        assertThat(refused.getMessage()).isEqualTo(missing.getMessage());
    }

    private Throwable catchRequire(Caller caller) {
        try {
            policy.require(caller, nlToFr, "request R-1");
        } catch (HubException e) {
            return e;
        }
        assertThatThrownBy(() -> {
        }).as("expected a refusal");
        return null;
    }

    private static Caller acting(String authority, String role) {
        return new Caller(role, "c", Set.of(role), Optional.of(authority), Optional.of(authority.substring(0, 2)),
                Optional.empty());
    }

    private static Caller coordinator(Coordinator.Kind kind, String state, String area) {
        return new Caller("coord", "c", Set.of(Roles.COORDINATOR), Optional.empty(), Optional.empty(),
                Optional.of(new Caller.CoordinatorScope(state + "-C", kind, state, area)));
    }
}
