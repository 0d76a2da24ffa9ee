package eu.authorityhub.security;

import java.util.Optional;
import java.util.Set;

import eu.authorityhub.directory.Coordinator;

/**
 * Who is calling, as the hub understands it: the token's subject and client, its roles, the authority it acts for
 * (case handlers, authority admins, back-office systems) and the coordinator it is (coordinators).
 */
public record Caller(String subject, String client, Set<String> roles, Optional<String> authority,
        Optional<String> authorityMemberState, Optional<CoordinatorScope> coordinator) {

    /** What a coordinator watches: every case with a party in its member state, optionally of one policy area. */
    public record CoordinatorScope(String code, Coordinator.Kind kind, String memberState, String policyArea) {
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public static Caller anonymous() {
        return new Caller("anonymous", "anonymous", Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
