package eu.authorityhub.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.deadline.DeadlinePolicies;
import eu.authorityhub.deadline.DeadlineService;
import eu.authorityhub.deadline.DeadlineService.NewTimer;
import eu.authorityhub.deadline.DeadlineService.Start;
import eu.authorityhub.deadline.DeadlineTimer.Kind;
import eu.authorityhub.request.RequestState.Action;

/**
 * The deadline policy of a request: which timers a step starts, moves or stops, for whom, by the procedure's policy.
 * Called in the step's transaction.
 */
@ApplicationScoped
class RequestDeadlines {

    static final String CASE = "REQUEST";

    private final DeadlineService deadlines;
    private final DeadlinePolicies policies;

    RequestDeadlines(DeadlineService deadlines, DeadlinePolicies policies) {
        this.deadlines = deadlines;
        this.policies = policies;
    }

    /**
     * After a recorded step: the step's own timers, then the inactivity timer of whoever owes the next move; all in
     * one change of the request's timers.
     */
    void after(InformationRequest req, Action action) {
        Set<Kind> ended = EnumSet.noneOf(Kind.class);
        List<Start> started = new ArrayList<>(2);
        switch (action) {
            case SEND -> started.add(acceptance(req));
            case ACCEPT, AGREE_DUE_DATE, REJECT_DUE_DATE -> {
                ended.add(Kind.ACCEPTANCE);
                Kind kind = req.state == RequestState.FURTHER_INFO_REQUESTED ? Kind.FURTHER_INFO : Kind.ANSWER;
                started.add(new Start(kind, req.responder, req.responderState, DeadlineService.dueOn(req.dueDate())));
            }
            case ANSWER -> ended.addAll(List.of(Kind.ANSWER, Kind.FURTHER_INFO));
            case DECLINE, CLOSE, WITHDRAW -> ended.addAll(EnumSet.allOf(Kind.class));
            default -> {
                // PROPOSE_DUE_DATE keeps the running deadline until the requester decides; a forward starts its
                // timers in newResponder, further information in furtherInformation, which know target and date
            }
        }
        if (req.state.open() && req.state != RequestState.DRAFT) {
            boolean requesterOwes = req.state == RequestState.ANSWERED;
            String party = requesterOwes ? req.requester : req.responder;
            String partyState = requesterOwes ? req.requesterState : req.responderState;
            started.add(new Start(Kind.INACTIVITY, party, partyState, deadlines.dueIn(procedure(req), partyState,
                    policies.of(procedure(req)).inactivity())));
        }
        deadlines.change(CASE, procedure(req), req.id, req.reference, ended, started);
    }

    private Start acceptance(InformationRequest req) {
        return new Start(Kind.ACCEPTANCE, req.responder, req.responderState, deadlines.dueIn(procedure(req),
                req.responderState, policies.of(procedure(req)).acceptance()));
    }

    /** New requests sent at once (a bulk call): their acceptance and inactivity timers, as {@link #after} starts. */
    void sentNew(List<InformationRequest> sent) {
        List<NewTimer> timers = new ArrayList<>(2 * sent.size());
        for (InformationRequest req : sent) {
            DeadlinePolicies.Policy policy = policies.of(procedure(req));
            timers.add(new NewTimer(CASE, procedure(req), req.id, req.reference, Kind.ACCEPTANCE, req.responder,
                    req.responderState, policy.acceptance()));
            timers.add(new NewTimer(CASE, procedure(req), req.id, req.reference, Kind.INACTIVITY, req.responder,
                    req.responderState, policy.inactivity()));
        }
        deadlines.startAllNew(timers);
    }

    /** A request (or a forwarded part of one) is with a new responder: its timers start again from acceptance. */
    void newResponder(InformationRequest req) {
        deadlines.change(CASE, procedure(req), req.id, req.reference, EnumSet.allOf(Kind.class), List.of(
                acceptance(req)));
    }

    /** Further information asked for: due on the date given, or after the procedure's period. */
    void furtherInformation(InformationRequest req, LocalDate dueDate) {
        if (dueDate != null) {
            deadlines.startOn(CASE, procedure(req), req.id, req.reference, Kind.FURTHER_INFO, req.responder,
                    req.responderState, dueDate);
        } else {
            deadlines.startIn(CASE, procedure(req), req.id, req.reference, Kind.FURTHER_INFO, req.responder,
                    req.responderState, policies.of(procedure(req)).furtherInformation());
        }
    }

    private static String procedure(InformationRequest req) {
        return DeadlinePolicies.key(req.procedure);
    }
}
