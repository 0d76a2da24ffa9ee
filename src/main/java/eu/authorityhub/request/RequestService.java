package eu.authorityhub.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;
import eu.authorityhub.deadline.DeadlinePolicies;
import eu.authorityhub.directory.PolicyArea;
import eu.authorityhub.request.InformationRequest.Question;
import eu.authorityhub.request.RequestPayloads.AcceptBody;
import eu.authorityhub.request.RequestPayloads.AnswerItem;
import eu.authorityhub.request.RequestPayloads.CreateRequest;
import eu.authorityhub.request.RequestPayloads.ForwardBody;
import eu.authorityhub.request.RequestPayloads.FurtherInfoBody;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.retention.RetentionService;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * The steps of an information request. Each one checks the caller's part in the case and the input, changes the
 * request through its lifecycle, and records the step (event, timeline, deadlines) in one transaction.
 */
@ApplicationScoped
public class RequestService {

    private final RequestAccess access;
    private final RequestChecks checks;
    private final AnswerValidator answers;
    private final RequestRecorder recorder;
    private final RequestDeadlines deadlines;
    private final RequestViews views;
    private final ReferenceNumbers references;
    private final QuestionCatalogue catalogue;
    private final Clock clock;
    private final RetentionService retention;

    RequestService(RequestAccess access, RequestChecks checks, AnswerValidator answers, RequestRecorder recorder,
            RequestDeadlines deadlines, RequestViews views, ReferenceNumbers references, QuestionCatalogue catalogue,
            Clock clock, RetentionService retention) {
        this.retention = retention;
        this.access = access;
        this.checks = checks;
        this.answers = answers;
        this.recorder = recorder;
        this.deadlines = deadlines;
        this.views = views;
        this.references = references;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Transactional
    public RequestView create(Caller caller, CreateRequest r, String viewLanguage) {
        InformationRequest req = draft(access.actingAuthority(caller), r, now());
        req.reference = references.next();
        recorder.created(req, caller);
        return views.of(req, caller, Access.PARTY, viewLanguage);
    }

    /**
     * A new draft of {@code requester} after every check of its input, not yet numbered nor stored: nothing is written,
     * so that a refused draft leaves no trace (a bulk call refuses one item and creates the others).
     */
    InformationRequest draft(AuthorityEntry requester, CreateRequest r, OffsetDateTime now) {
        AuthorityEntry responder = checks.addressable(r.responder(), r.profession(), requester.code(), "responder");
        List<Question> questions = questions(r);
        checks.future(r.requestedDueDate(), "requestedDueDate");
        InformationRequest req = new InformationRequest();
        req.id = UUID.randomUUID();
        req.requester = requester.code();
        req.requesterState = requester.memberState();
        req.responder = responder.code();
        req.responderState = responder.memberState();
        req.policyArea = r.policyArea();
        req.procedure = r.procedure();
        req.profession = r.profession();
        req.professional = r.professional();
        req.requesterLanguage = r.language() != null
                ? r.language()
                : requester.workingLanguages().stream().findFirst().orElse("en");
        req.catalogueVersion = catalogue.version();
        req.state = RequestState.DRAFT;
        req.requestedDueDate = r.requestedDueDate();
        req.questions = questions;
        req.createdAt = now;
        req.updatedAt = now;
        return req;
    }

    /** The draft's questions: catalogue codes first (each once), then free text; at least one. */
    private List<Question> questions(CreateRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (PolicyArea.findById(r.policyArea()) == null) {
            errors.add(new FieldError("policyArea", "unknown policy area " + r.policyArea()));
        }
        List<Question> questions = new ArrayList<>();
        List<String> codes = r.questions() == null ? List.of() : r.questions();
        for (int i = 0; i < codes.size(); i++) {
            QuestionCatalogue.Entry e = catalogue.get(codes.get(i));
            if (e == null) {
                throw new HubException(ErrorCode.UNKNOWN_QUESTION, "Not in catalogue version " + catalogue.version()
                        + ": " + codes.get(i), List.of(new FieldError("questions[" + i + "]", "unknown code")),
                        Map.of());
            }
            questions.add(new Question(questions.size() + 1, e.code(), null, e.answerType(), 1, null, null));
        }
        for (String text : r.freeTextQuestions() == null ? List.<String>of() : r.freeTextQuestions()) {
            questions.add(new Question(questions.size() + 1, null, text.strip(), "TEXT", 1, null, null));
        }
        if (questions.isEmpty()) {
            errors.add(new FieldError("questions", "at least one catalogue or free-text question is needed"));
        }
        if (new LinkedHashSet<>(codes).size() != codes.size()) {
            errors.add(new FieldError("questions", "a question is chosen twice"));
        }
        if (!errors.isEmpty()) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, errors.size() + " invalid field(s)", errors, Map.of());
        }
        return questions;
    }

    @Transactional
    public RequestView send(Caller caller, UUID id, String lang) {
        InformationRequest req = access.acting(caller, id, Action.SEND);
        checks.addressable(req.responder, req.profession, req.requester, "responder");
        checks.future(req.requestedDueDate, "requestedDueDate");
        req.send(now());
        return step(req, Action.SEND, caller, null, List.of(req.responder), lang);
    }

    @Transactional
    public RequestView accept(Caller caller, UUID id, AcceptBody body, String lang) {
        InformationRequest req = access.acting(caller, id, Action.ACCEPT);
        LocalDate proposal = body == null ? null : body.proposedDueDate();
        if (proposal != null) {
            checks.future(proposal, "proposedDueDate");
        }
        req.accept(proposal, now());
        return step(req, Action.ACCEPT, caller, proposal == null ? null : "proposed due date " + proposal,
                List.of(req.requester), lang);
    }

    @Transactional
    public RequestView proposeDueDate(Caller caller, UUID id, LocalDate date, String lang) {
        InformationRequest req = access.acting(caller, id, Action.PROPOSE_DUE_DATE);
        checks.future(date, "dueDate");
        req.proposeDueDate(date);
        return step(req, Action.PROPOSE_DUE_DATE, caller, "proposed " + date, List.of(req.requester), lang);
    }

    @Transactional
    public RequestView settleDueDate(Caller caller, UUID id, boolean agree, String lang) {
        Action action = agree ? Action.AGREE_DUE_DATE : Action.REJECT_DUE_DATE;
        InformationRequest req = access.acting(caller, id, action);
        LocalDate proposed = req.proposedDueDate;
        req.settleDueDate(agree);
        return step(req, action, caller, (agree ? "agreed " : "rejected ") + proposed, List.of(req.responder), lang);
    }

    /** Forwards the whole request, or the questions at the given positions as a new request linked to this one. */
    @Transactional
    public RequestView forward(Caller caller, UUID id, ForwardBody body, String lang) {
        InformationRequest req = access.acting(caller, id, Action.FORWARD);
        if (body.to().equals(req.responder)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The request is already with " + body.to(),
                    List.of(new FieldError("to", "is the current responder")), Map.of());
        }
        AuthorityEntry target = checks.addressable(body.to(), req.profession, req.requester, "to");
        Set<Integer> positions = body.positions() == null ? Set.of() : new LinkedHashSet<>(body.positions());
        Set<Integer> existing = Set.copyOf(req.questions.stream().map(Question::position).toList());
        for (Integer p : positions) {
            if (!existing.contains(p)) {
                throw new HubException(ErrorCode.VALIDATION_FAILED, "No question " + p, List.of(new FieldError(
                        "positions", "no question at position " + p)), Map.of());
            }
        }
        String from = req.responder;
        if (positions.isEmpty() || positions.size() == req.questions.size()) {
            req.forwardTo(target.code(), target.memberState());
            deadlines.newResponder(req);
            return step(req, Action.FORWARD, caller, "from " + from + " to " + target.code() + ": " + body.reason(),
                    List.of(target.code(), req.requester), lang);
        }
        InformationRequest part = req.splitOff(positions, target.code(), target.memberState(),
                references.partOf(req), now());
        part.persist();
        deadlines.newResponder(part);
        step(part, Action.FORWARD, caller, "questions " + positions + " from " + req.reference + " (" + from
                + ") to " + target.code() + ": " + body.reason(), List.of(target.code(), req.requester), lang);
        return step(req, Action.FORWARD, caller, "questions " + positions + " forwarded to " + target.code()
                + " as " + part.reference, List.of(req.requester), lang);
    }

    /**
     * A coordinator moves a stalled request from an authority of its member state to another one there that is
     * competent: like a forward of the whole request, taken by the coordinator (recorded as such).
     */
    @Transactional
    public RequestView reassign(Caller caller, UUID id, String to, String reason) {
        InformationRequest req = InformationRequest.findById(id);
        if (access.readable(caller, req) != Access.COORDINATOR) {
            throw new HubException(ErrorCode.WRONG_PARTY, "Only a coordinator of the responder's member state"
                    + " reassigns a request");
        }
        Caller.CoordinatorScope scope = caller.coordinator().orElseThrow();
        AuthorityEntry target = checks.addressable(to, req.profession, req.requester, "to");
        if (!target.memberState().equals(scope.memberState()) || target.code().equals(req.responder)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Reassign within " + scope.memberState()
                    + " to another authority",
                    List.of(new FieldError("to", "not another authority of "
                            + scope.memberState())),
                    Map.of());
        }
        String from = req.responder;
        req.reassignTo(target.code(), target.memberState(), scope.memberState());
        deadlines.newResponder(req);
        return step(req, Action.REASSIGN, caller, "reassigned by coordinator " + scope.code() + " from " + from
                + " to " + target.code() + ": " + reason, List.of(target.code(), req.requester, from), null);
    }

    @Transactional
    public RequestView decline(Caller caller, UUID id, String reason, String lang) {
        InformationRequest req = access.acting(caller, id, Action.DECLINE);
        req.decline(reason, now());
        return step(req, Action.DECLINE, caller, reason, List.of(req.requester), lang);
    }

    /** Saves answers without sending them (no event: the requester sees answers once they are sent). */
    @Transactional
    public RequestView saveAnswers(Caller caller, UUID id, List<AnswerItem> items, String lang) {
        InformationRequest req = access.acting(caller, id, Action.SAVE_ANSWERS);
        answers.check(req, items);
        req.fillIn(items, now());
        recorder.internal(req, Action.SAVE_ANSWERS.name(), caller, items.size() + " answer(s) saved");
        return views.of(req, caller, Access.PARTY, lang);
    }

    @Transactional
    public RequestView answer(Caller caller, UUID id, List<AnswerItem> items, String lang) {
        InformationRequest req = access.acting(caller, id, Action.ANSWER);
        if (items != null) {
            answers.check(req, items);
            req.fillIn(items, now());
        }
        req.answer(now());
        return step(req, Action.ANSWER, caller, null, List.of(req.requester), lang);
    }

    @Transactional
    public RequestView furtherInformation(Caller caller, UUID id, FurtherInfoBody body, String lang) {
        InformationRequest req = access.acting(caller, id, Action.REQUEST_FURTHER_INFO);
        if (body.dueDate() != null) {
            checks.future(body.dueDate(), "dueDate");
        }
        req.askFurther(body.questions(), body.dueDate());
        deadlines.furtherInformation(req, body.dueDate());
        return step(req, Action.REQUEST_FURTHER_INFO, caller, body.questions().size() + " further question(s)",
                List.of(req.responder), lang);
    }

    @Transactional
    public RequestView close(Caller caller, UUID id, String lang) {
        InformationRequest req = access.acting(caller, id, Action.CLOSE);
        req.close(now());
        return step(req, Action.CLOSE, caller, null, List.of(req.responder), lang);
    }

    @Transactional
    public RequestView withdraw(Caller caller, UUID id, String reason, String lang) {
        InformationRequest req = access.acting(caller, id, Action.WITHDRAW);
        boolean wasDraft = req.state == RequestState.DRAFT;
        req.withdraw(now());
        if (wasDraft) { // nobody else ever saw it: no event
            recorder.internal(req, Action.WITHDRAW.name(), caller, reason);
            retention.closed(req.id, DeadlinePolicies.key(req.procedure), req.closedAt);
            return views.of(req, caller, Access.PARTY, lang);
        }
        return step(req, Action.WITHDRAW, caller, reason, List.of(req.responder), lang);
    }

    private RequestView step(InformationRequest req, Action action, Caller caller, String detail,
            List<String> addressees, String lang) {
        recorder.step(req, action, caller, detail, addressees);
        deadlines.after(req, action);
        if (!req.state.open()) {
            retention.closed(req.id, DeadlinePolicies.key(req.procedure), req.closedAt);
        }
        return views.of(req, caller, caller.authority().isPresent() ? Access.PARTY : Access.COORDINATOR, lang);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
