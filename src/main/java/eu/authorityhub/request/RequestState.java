package eu.authorityhub.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an information request. Every transition lists, in one place, the states it may start from; the
 * case checks them in {@link InformationRequest}.
 */
public enum RequestState {

    DRAFT,
    SENT,
    ACCEPTED,
    ANSWERED,
    FURTHER_INFO_REQUESTED,
    CLOSED,
    DECLINED,
    WITHDRAWN;

    /** The actions on a request: who may take them and from which states. */
    public enum Action {

        SEND(Side.REQUESTER, EnumSet.of(DRAFT)),
        ACCEPT(Side.RESPONDER, EnumSet.of(SENT)),
        PROPOSE_DUE_DATE(Side.RESPONDER, EnumSet.of(SENT, ACCEPTED, FURTHER_INFO_REQUESTED)),
        AGREE_DUE_DATE(Side.REQUESTER, EnumSet.of(SENT, ACCEPTED, FURTHER_INFO_REQUESTED)),
        REJECT_DUE_DATE(Side.REQUESTER, EnumSet.of(SENT, ACCEPTED, FURTHER_INFO_REQUESTED)),
        FORWARD(Side.RESPONDER, EnumSet.of(SENT, ACCEPTED)),
        /** A coordinator of the responder's member state moves an open request there; recorded as a forward. */
        REASSIGN(Side.COORDINATOR, EnumSet.of(SENT, ACCEPTED, FURTHER_INFO_REQUESTED)),
        DECLINE(Side.RESPONDER, EnumSet.of(SENT)),
        SAVE_ANSWERS(Side.RESPONDER, EnumSet.of(ACCEPTED, FURTHER_INFO_REQUESTED)),
        ANSWER(Side.RESPONDER, EnumSet.of(ACCEPTED, FURTHER_INFO_REQUESTED)),
        REQUEST_FURTHER_INFO(Side.REQUESTER, EnumSet.of(ANSWERED)),
        CLOSE(Side.REQUESTER, EnumSet.of(ANSWERED)),
        WITHDRAW(Side.REQUESTER, EnumSet.of(DRAFT, SENT, ACCEPTED, FURTHER_INFO_REQUESTED)),
        ATTACH(Side.EITHER, EnumSet.of(DRAFT, SENT, ACCEPTED, FURTHER_INFO_REQUESTED, ANSWERED));

        private final Side side;
        private final Set<RequestState> from;

        Action(Side side, Set<RequestState> from) {
            this.side = side;
            this.from = from;
        }

        public Side side() {
            return side;
        }

        public boolean allowedFrom(RequestState state) {
            return from.contains(state);
        }

        /** The step the timeline and the event name: a reassignment is a forward taken by a coordinator. */
        public Action recordedAs() {
            return this == REASSIGN ? FORWARD : this;
        }

        /** The CloudEvents type of the event this action records (attachments and saved answers record none). */
        public String eventType() {
            return "eu.authorityhub.request." + recordedAs().name().toLowerCase().replace('_', '-') + ".v1";
        }
    }

    /** Which party of the request may act. */
    public enum Side {
        REQUESTER,
        RESPONDER,
        EITHER,
        /** Not a party: a coordinator of the member state concerned. */
        COORDINATOR
    }

    public boolean open() {
        return this != CLOSED && this != DECLINED && this != WITHDRAWN;
    }
}
