package eu.authorityhub.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.directory.Coordinator;

/**
 * The one place that answers "may this caller act on this case?". A case is visible to the authorities that take part
 * in it (requester, responder, recipients) and to the coordinators whose scope covers one of its parties. Nobody else:
 * not even a hub admin, who manages the directory but is not a party to exchanges of personal data.
 * <p>
 * A refusal answers exactly like a case that does not exist (404 NOT_FOUND), so that an outsider cannot learn which
 * case ids exist.
 */
@ApplicationScoped
public class AccessPolicy {

    /** The parties of a case: authority codes, their member states, and the policy area of the case. */
    public record Parties(Set<String> authorities, Set<String> memberStates, String policyArea) {
    }

    /** What the caller may see of a case. */
    public enum Access {
        NONE,
        PARTY,
        COORDINATOR
    }

    public Access accessTo(Caller caller, Parties parties) {
        if (caller.authority().isPresent() && parties.authorities().contains(caller.authority().get())
                && (caller.hasRole(Roles.CASE_HANDLER) || caller.hasRole(Roles.BACK_OFFICE)
                        || caller.hasRole(Roles.AUTHORITY_ADMIN))) {
            return Access.PARTY;
        }
        if (caller.hasRole(Roles.COORDINATOR) && caller.coordinator().isPresent()) {
            Caller.CoordinatorScope scope = caller.coordinator().get();
            boolean stateCovered = parties.memberStates().contains(scope.memberState());
            boolean areaCovered = scope.kind() != Coordinator.Kind.POLICY_AREA
                    || scope.policyArea().equals(parties.policyArea());
            if (stateCovered && areaCovered) {
                return Access.COORDINATOR;
            }
        }
        return Access.NONE;
    }

    /** Throws the same NOT_FOUND as for a missing case when the caller has no access. */
    public Access require(Caller caller, Parties parties, String caseDescription) {
        Access access = accessTo(caller, parties);
        if (access == Access.NONE) {
            throw notFound(caseDescription);
        }
        return access;
    }

    public static HubException notFound(String caseDescription) {
        return new HubException(ErrorCode.NOT_FOUND, "No " + caseDescription);
    }
}
