package eu.authorityhub.deadline;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.directory.Coordinator;
import eu.authorityhub.security.Caller;

/**
 * Whose figures: the requests received by the authorities of a member state (optionally one authority, optionally one
 * policy area) and the alerts its authorities sent; or, for an incoming-alert coordinator, only the alerts its state
 * received.
 *
 * @param requests whether request indicators are in scope
 * @param alertsReceived alerts received by the member state rather than sent by it
 */
public record IndicatorScope(String memberState, String authority, String policyArea, boolean requests,
        boolean alertsReceived) {

    public static IndicatorScope of(String memberState, String authority) {
        return new IndicatorScope(memberState, authority, null, true, false);
    }

    /**
     * The scope a caller may see, narrowed to one authority when asked: a coordinator sees its member state (its policy
     * area, or the alerts its state received, by its kind), any other caller its own authority only. An authority
     * outside the scope is reported as not found, like one that does not exist.
     */
    public static IndicatorScope of(Caller caller, String authority) {
        if (caller.coordinator().isPresent()) {
            Caller.CoordinatorScope c = caller.coordinator().get();
            if (authority != null && !authority.startsWith(c.memberState() + "-")) {
                throw new HubException(ErrorCode.NOT_FOUND, "No such authority in the coordinator's member state");
            }
            boolean alerts = c.kind() == Coordinator.Kind.ALERT_INCOMING;
            return new IndicatorScope(c.memberState(), authority, c.kind() == Coordinator.Kind.POLICY_AREA
                    ? c.policyArea()
                    : null, !alerts, alerts);
        }
        String me = caller.authority().orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                "The token names no active authority or coordinator"));
        if (authority != null && !authority.equals(me)) {
            throw new HubException(ErrorCode.FORBIDDEN, "An authority sees its own indicators");
        }
        return of(caller.authorityMemberState().orElseThrow(), me);
    }
}
