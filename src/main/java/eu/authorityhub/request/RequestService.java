package eu.authorityhub.request;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.deadline.DeadlinePolicies;
import eu.authorityhub.deadline.DeadlineService;
import eu.authorityhub.deadline.DeadlineTimer.Kind;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.DirectoryCache;
import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;
import eu.authorityhub.request.InformationRequest.Question;
import eu.authorityhub.request.RequestPayloads.AcceptBody;
import eu.authorityhub.request.RequestPayloads.AnswerItem;
import eu.authorityhub.request.RequestPayloads.AttachmentView;
import eu.authorityhub.request.RequestPayloads.CreateRequest;
import eu.authorityhub.request.RequestPayloads.ForwardBody;
import eu.authorityhub.request.RequestPayloads.FurtherInfoBody;
import eu.authorityhub.request.RequestPayloads.QuestionView;
import eu.authorityhub.request.RequestPayloads.RequestEvent;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.request.RequestPayloads.SummaryView;
import eu.authorityhub.request.RequestPayloads.TimelineView;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.security.AccessPolicy;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * Information requests: every step checks the caller's part in the case, changes the request and records its event
 * (to the request topic and the addressees' member-state topics) and its timeline entry in one transaction.
 */
@ApplicationScoped
public class RequestService {

    static final String SOURCE = "/hub/requests";
    static final String CASE = "REQUEST";

    private final DirectoryCache directory;
    private final OutboxRecorder outbox;
    private final DeadlineService deadlines;
    private final DeadlinePolicies policies;
    private final AccessPolicy access;
    private final QuestionCatalogue catalogue;
    private final RequestConfig config;
    private final Clock clock;
    private final EntityManager em;

    public RequestService(OutboxRecorder outbox, DeadlineService deadlines, DeadlinePolicies policies,
            AccessPolicy access, QuestionCatalogue catalogue, RequestConfig config, Clock clock, EntityManager em,
            DirectoryCache directory) {
        this.directory = directory;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.policies = policies;
        this.access = access;
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
        this.em = em;
    }

    // ---------------------------------------------------------------------------------------------- commands

    @Transactional
    public RequestView create(Caller caller, CreateRequest r, String viewLanguage) {
        AuthorityEntry requester = actingAuthority(caller);
        AuthorityEntry responder = addressable(r.responder(), r.profession(), requester.code(), "responder");
        List<FieldError> errors = new ArrayList<>();
        if (eu.authorityhub.directory.PolicyArea.findById(r.policyArea()) == null) {
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
        futureDate(r.requestedDueDate(), "requestedDueDate");

        OffsetDateTime now = OffsetDateTime.now(clock);
        InformationRequest req = new InformationRequest();
        req.id = UUID.randomUUID();
        req.reference = "REQ-" + now.getYear() + "-" + String.format("%06d",
                ((Number) em.createNativeQuery("select nextval('request_reference_seq')").getSingleResult())
                        .longValue());
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
        req.persist();
        timeline(req, "CREATE", caller, null, UUID.randomUUID());
        return view(req, caller, Access.PARTY, viewLanguage);
    }

    @Transactional
    public RequestView send(Caller caller, UUID id, String lang) {
        InformationRequest req = acting(caller, id, Action.SEND);
        addressable(req.responder, req.profession, req.requester, "responder");
        futureDate(req.requestedDueDate, "requestedDueDate");
        req.send(now());
        return record(req, Action.SEND, caller, null, List.of(req.responder), lang);
    }

    @Transactional
    public RequestView accept(Caller caller, UUID id, AcceptBody body, String lang) {
        InformationRequest req = acting(caller, id, Action.ACCEPT);
        LocalDate proposal = body == null ? null : body.proposedDueDate();
        if (proposal != null) {
            futureDate(proposal, "proposedDueDate");
        }
        req.accept(proposal, now());
        return record(req, Action.ACCEPT, caller, proposal == null ? null : "proposed due date " + proposal,
                List.of(req.requester), lang);
    }

    @Transactional
    public RequestView proposeDueDate(Caller caller, UUID id, LocalDate date, String lang) {
        InformationRequest req = acting(caller, id, Action.PROPOSE_DUE_DATE);
        futureDate(date, "dueDate");
        req.proposeDueDate(date);
        return record(req, Action.PROPOSE_DUE_DATE, caller, "proposed " + date, List.of(req.requester), lang);
    }

    @Transactional
    public RequestView settleDueDate(Caller caller, UUID id, boolean agree, String lang) {
        Action action = agree ? Action.AGREE_DUE_DATE : Action.REJECT_DUE_DATE;
        InformationRequest req = acting(caller, id, action);
        LocalDate proposed = req.proposedDueDate;
        req.settleDueDate(agree);
        return record(req, action, caller, (agree ? "agreed " : "rejected ") + proposed, List.of(req.responder),
                lang);
    }

    @Transactional
    public RequestView forward(Caller caller, UUID id, ForwardBody body, String lang) {
        InformationRequest req = acting(caller, id, Action.FORWARD);
        if (body.to().equals(req.responder)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The request is already with " + body.to(),
                    List.of(new FieldError("to", "is the current responder")), Map.of());
        }
        AuthorityEntry target = addressable(body.to(), req.profession, req.requester, "to");
        List<Integer> positions = body.positions() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(body
                        .positions()));
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
            deadlines.cancel(req.id);
            startAcceptance(req);
            return record(req, Action.FORWARD, caller, "from " + from + " to " + target.code() + ": " + body.reason(),
                    List.of(target.code(), req.requester), lang);
        }
        // part of the questions: a new request to the target, linked to this one, which keeps the rest
        InformationRequest part = copyFor(req, target, positions);
        List<Question> kept = new ArrayList<>();
        for (Question q : req.questions) {
            if (!positions.contains(q.position())) {
                kept.add(new Question(kept.size() + 1, q.code(), q.freeText(), q.answerType(), q.round(), q.answer(),
                        q.answeredAt()));
            }
        }
        req.questions = kept;
        startAcceptance(part);
        record(part, Action.FORWARD, caller, "questions " + positions + " from " + req.reference + " ("
                + from + ") to " + target.code() + ": " + body.reason(), List.of(target.code(), req.requester), lang);
        return record(req, Action.FORWARD, caller, "questions " + positions + " forwarded to " + target.code()
                + " as " + part.reference, List.of(req.requester), lang);
    }

    /**
     * A coordinator moves a stalled request from an authority of its member state to another one there that is
     * competent: like a forward of the whole request, taken by the coordinator (recorded as such).
     */
    @Transactional
    public RequestView reassign(Caller caller, UUID id, String to, String reason) {
        InformationRequest req = InformationRequest.findById(id);
        if (readable(caller, req) != Access.COORDINATOR) {
            throw new HubException(ErrorCode.WRONG_PARTY, "Only a coordinator of the responder's member state"
                    + " reassigns a request");
        }
        Caller.CoordinatorScope scope = caller.coordinator().orElseThrow();
        if (!scope.memberState().equals(req.responderState) || !(req.state == RequestState.SENT
                || req.state == RequestState.ACCEPTED || req.state == RequestState.FURTHER_INFO_REQUESTED)) {
            throw new HubException(ErrorCode.ILLEGAL_TRANSITION, "Request " + req.reference + " is " + req.state
                    + " with " + req.responder + "; a coordinator of " + req.responderState + " may reassign open"
                    + " requests of its state");
        }
        AuthorityEntry target = addressable(to, req.profession, req.requester, "to");
        if (!target.memberState().equals(scope.memberState()) || target.code().equals(req.responder)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Reassign within " + scope.memberState()
                    + " to another authority",
                    List.of(new FieldError("to", "not another authority of "
                            + scope.memberState())),
                    Map.of());
        }
        String from = req.responder;
        req.forwardTo(target.code(), target.memberState());
        deadlines.cancel(req.id);
        startAcceptance(req);
        return record(req, Action.FORWARD, caller, "reassigned by coordinator " + scope.code() + " from " + from
                + " to " + target.code() + ": " + reason, List.of(target.code(), req.requester, from), null);
    }

    @Transactional
    public RequestView decline(Caller caller, UUID id, String reason, String lang) {
        InformationRequest req = acting(caller, id, Action.DECLINE);
        req.decline(reason, now());
        return record(req, Action.DECLINE, caller, reason, List.of(req.requester), lang);
    }

    /** Saves answers without sending them (no event: the requester sees answers once they are sent). */
    @Transactional
    public RequestView saveAnswers(Caller caller, UUID id, List<AnswerItem> answers, String lang) {
        InformationRequest req = acting(caller, id, Action.SAVE_ANSWERS);
        applyAnswers(req, answers);
        req.updatedAt = now();
        em.flush();
        timeline(req, Action.SAVE_ANSWERS.name(), caller, answers.size() + " answer(s) saved", UUID.randomUUID());
        return view(req, caller, Access.PARTY, lang);
    }

    @Transactional
    public RequestView answer(Caller caller, UUID id, List<AnswerItem> answers, String lang) {
        InformationRequest req = acting(caller, id, Action.ANSWER);
        if (answers != null) {
            applyAnswers(req, answers);
        }
        req.answer(now());
        return record(req, Action.ANSWER, caller, null, List.of(req.requester), lang);
    }

    @Transactional
    public RequestView furtherInformation(Caller caller, UUID id, FurtherInfoBody body, String lang) {
        InformationRequest req = acting(caller, id, Action.REQUEST_FURTHER_INFO);
        if (body.dueDate() != null) {
            futureDate(body.dueDate(), "dueDate");
        }
        req.askFurther(body.questions(), body.dueDate());
        if (body.dueDate() != null) {
            deadlines.startOn(CASE, procedure(req), req.id, req.reference, Kind.FURTHER_INFO, req.responder,
                    req.responderState, body.dueDate());
        } else {
            deadlines.startIn(CASE, procedure(req), req.id, req.reference, Kind.FURTHER_INFO, req.responder,
                    req.responderState, policy(req).furtherInformation());
        }
        return record(req, Action.REQUEST_FURTHER_INFO, caller, body.questions().size() + " further question(s)",
                List.of(req.responder), lang);
    }

    @Transactional
    public RequestView close(Caller caller, UUID id, String lang) {
        InformationRequest req = acting(caller, id, Action.CLOSE);
        req.close(now());
        return record(req, Action.CLOSE, caller, null, List.of(req.responder), lang);
    }

    @Transactional
    public RequestView withdraw(Caller caller, UUID id, String reason, String lang) {
        InformationRequest req = acting(caller, id, Action.WITHDRAW);
        boolean wasDraft = req.state == RequestState.DRAFT;
        req.withdraw(now());
        if (wasDraft) { // nobody else ever saw it: no event
            req.updatedAt = now();
            em.flush();
            timeline(req, Action.WITHDRAW.name(), caller, reason, UUID.randomUUID());
            return view(req, caller, Access.PARTY, lang);
        }
        return record(req, Action.WITHDRAW, caller, reason, List.of(req.responder), lang);
    }

    @Transactional
    public AttachmentView attach(Caller caller, UUID id, String fileName, String contentType, InputStream body)
            throws IOException {
        InformationRequest req = acting(caller, id, Action.ATTACH);
        if (contentType == null || !config.attachmentTypes().contains(contentType.split(";")[0].trim())) {
            throw new HubException(ErrorCode.ATTACHMENT_TYPE_REFUSED, "Refused type " + contentType
                    + "; accepted: " + config.attachmentTypes());
        }
        String type = contentType.split(";")[0].trim();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = body.read(buffer)) > 0;) {
            size += n;
            if (size > config.attachmentMaxBytes()) {
                throw new HubException(ErrorCode.PAYLOAD_TOO_LARGE, "An attachment may be at most "
                        + config.attachmentMaxBytes() + " bytes");
            }
            sha.update(buffer, 0, n);
            content.write(buffer, 0, n);
        }
        byte[] bytes = content.toByteArray();
        if (bytes.length == 0 || !matchesType(bytes, type)) {
            throw new HubException(ErrorCode.ATTACHMENT_TYPE_REFUSED, "The content is not " + type);
        }
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.requestId = req.id;
        a.fileName = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        a.contentType = type;
        a.sizeBytes = size;
        a.sha256 = HexFormat.of().formatHex(sha.digest());
        a.content = bytes;
        a.uploadedBy = caller.authority().orElseThrow();
        a.uploadedAt = now();
        a.persist();
        req.updatedAt = now();
        timeline(req, Action.ATTACH.name(), caller, a.fileName + " sha256=" + a.sha256, UUID.randomUUID());
        return attachmentView(a);
    }

    // ------------------------------------------------------------------------------------------------ reads

    @Transactional
    public RequestView get(Caller caller, UUID id, String lang) {
        InformationRequest req = InformationRequest.findById(id);
        return view(req, caller, readable(caller, req), lang);
    }

    @Transactional
    public List<TimelineView> timeline(Caller caller, UUID id) {
        readable(caller, InformationRequest.findById(id));
        return TimelineEntry.<TimelineEntry>find("requestId = ?1 order by seq", id).list().stream()
                .map(t -> new TimelineView(t.seq, t.action, t.authority, t.actor, t.at, t.detail)).toList();
    }

    @Transactional
    public List<AttachmentView> attachments(Caller caller, UUID id) {
        readable(caller, InformationRequest.findById(id));
        return Attachment.<Attachment>find("requestId = ?1 order by uploadedAt", id).list().stream()
                .map(RequestService::attachmentView).toList();
    }

    @Transactional
    public Attachment attachment(Caller caller, UUID id, UUID attachmentId) {
        Access a = readable(caller, InformationRequest.findById(id));
        Attachment found = Attachment.findById(attachmentId);
        if (found == null || !found.requestId.equals(id) || a != Access.PARTY) {
            throw AccessPolicy.notFound("attachment " + attachmentId);
        }
        found.content.getClass(); // load the lazy content inside the transaction
        return found;
    }

    /** The caller's requests: sent (its authority asks) or received (its authority is asked). */
    @Transactional
    public List<SummaryView> list(Caller caller, String box, RequestState state, int page, int size) {
        AuthorityEntry me = actingAuthority(caller);
        boolean received = "received".equals(box);
        StringBuilder q = new StringBuilder(received ? "responder = :me and state <> :draft" : "requester = :me");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("me", me.code()));
        if (received) {
            params.put("draft", RequestState.DRAFT); // a draft is the requester's alone
        }
        if (state != null) {
            q.append(" and state = :state");
            params.put("state", state);
        }
        q.append(" order by updatedAt desc, id");
        return InformationRequest.<InformationRequest>find(q.toString(), params).page(page, size).list().stream()
                .map(r -> new SummaryView(r.id, r.reference, r.state, r.requester, r.responder, r.profession,
                        r.dueDate(), r.updatedAt))
                .toList();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private InformationRequest acting(Caller caller, UUID id, Action action) {
        InformationRequest req = InformationRequest.findById(id);
        Access a = readable(caller, req);
        if (a != Access.PARTY) {
            throw new HubException(ErrorCode.WRONG_PARTY, "Coordinators follow requests; the parties act on them");
        }
        req.check(action, caller.authority().orElseThrow());
        return req;
    }

    /** The caller's access to the request; a missing request and one it may not see answer the same. */
    private Access readable(Caller caller, InformationRequest req) {
        if (req == null) {
            throw AccessPolicy.notFound("such request");
        }
        Set<String> parties = req.state == RequestState.DRAFT
                ? Set.of(req.requester)
                : Set.of(req.requester, req.responder);
        Set<String> states = req.state == RequestState.DRAFT
                ? Set.of(req.requesterState)
                : Set.of(req.requesterState, req.responderState);
        return access.require(caller, new AccessPolicy.Parties(parties, states, req.policyArea), "such request");
    }

    private AuthorityEntry actingAuthority(Caller caller) {
        return caller.authority().flatMap(directory::activeAuthority)
                .orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                        "The token names no active authority; see GET /api/v1/me"));
    }

    /** An active authority, not the caller's own, competent for the profession (refused otherwise, see docs). */
    private AuthorityEntry addressable(String code, String profession, String requester, String field) {
        if (code.equals(requester)) {
            throw new HubException(ErrorCode.SELF_ADDRESSED, "A request goes to another authority", List.of(
                    new FieldError(field, "is the requesting authority")), Map.of());
        }
        AuthorityEntry a = directory.activeAuthority(code).orElse(null);
        if (a == null) {
            throw new HubException(ErrorCode.AUTHORITY_INACTIVE, "No active authority " + code, List.of(
                    new FieldError(field, "unknown or inactive")), Map.of());
        }
        if (!directory.professionExists(profession)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Unknown profession " + profession, List.of(
                    new FieldError("profession", "unknown profession")), Map.of());
        }
        if (!a.professions().contains(profession)) {
            throw new HubException(ErrorCode.RESPONDER_NOT_COMPETENT, code + " is not competent for " + profession
                    + "; GET /api/v1/authorities/competent?profession=" + profession + "&memberState="
                    + a.memberState() + " lists who is", List.of(new FieldError(field, "not competent")), Map.of());
        }
        return a;
    }

    private void futureDate(LocalDate date, String field) {
        if (!date.isAfter(LocalDate.now(clock))) {
            throw new HubException(ErrorCode.DUE_DATE_IN_PAST, field + " must be after today", List.of(
                    new FieldError(field, "not in the future")), Map.of());
        }
    }

    private void applyAnswers(InformationRequest req, List<AnswerItem> answers) {
        List<Question> updated = new ArrayList<>(req.questions);
        OffsetDateTime now = now();
        for (int i = 0; i < answers.size(); i++) {
            AnswerItem a = answers.get(i);
            int idx = a.position() - 1;
            if (idx < 0 || idx >= updated.size()) {
                throw invalidAnswer(i, "no question at position " + a.position());
            }
            Question q = updated.get(idx);
            String problem = answerProblem(q, a.value(), req.id);
            if (problem != null) {
                throw invalidAnswer(i, problem);
            }
            updated.set(idx, q.withAnswer(a.value(), now));
        }
        req.questions = updated;
    }

    private String answerProblem(Question q, JsonNode v, UUID requestId) {
        return switch (q.answerType()) {
            case "YES_NO" -> v.isBoolean() ? null : "expects true or false";
            case "DATE" -> {
                try {
                    LocalDate.parse(v.asText());
                    yield v.isTextual() ? null : "expects an ISO date";
                } catch (DateTimeParseException e) {
                    yield "expects an ISO date (yyyy-mm-dd)";
                }
            }
            case "TEXT" -> v.isTextual() && !v.asText().isBlank() && v.asText().length() <= 10_000
                    ? null
                    : "expects text of 1 to 10000 characters";
            case "CHOICE" -> v.isTextual() && catalogue.get(q.code()).choices().contains(v.asText())
                    ? null
                    : "expects one of " + catalogue.get(q.code()).choices();
            case "ATTACHMENT" -> {
                try {
                    Attachment a = v.isTextual() ? Attachment.findById(UUID.fromString(v.asText())) : null;
                    yield a != null && a.requestId.equals(requestId)
                            ? null
                            : "expects the id of an attachment of this request";
                } catch (IllegalArgumentException e) {
                    yield "expects the id of an attachment of this request";
                }
            }
            default -> "unknown answer type";
        };
    }

    private static HubException invalidAnswer(int index, String message) {
        return new HubException(ErrorCode.INVALID_ANSWER, message, List.of(new FieldError("answers[" + index + "]",
                message)), Map.of());
    }

    private InformationRequest copyFor(InformationRequest original, AuthorityEntry target, List<Integer> positions) {
        OffsetDateTime now = now();
        InformationRequest part = new InformationRequest();
        part.id = UUID.randomUUID();
        part.reference = original.reference + "-F" + (InformationRequest.count("forwardedFrom", original.id) + 1);
        part.requester = original.requester;
        part.requesterState = original.requesterState;
        part.responder = target.code();
        part.responderState = target.memberState();
        part.policyArea = original.policyArea;
        part.procedure = original.procedure;
        part.profession = original.profession;
        part.professional = original.professional;
        part.requesterLanguage = original.requesterLanguage;
        part.catalogueVersion = original.catalogueVersion;
        part.state = RequestState.SENT;
        part.requestedDueDate = original.requestedDueDate;
        List<Question> qs = new ArrayList<>();
        for (Question q : original.questions) {
            if (positions.contains(q.position())) {
                qs.add(new Question(qs.size() + 1, q.code(), q.freeText(), q.answerType(), q.round(), null, null));
            }
        }
        part.questions = qs;
        part.forwardedFrom = original.id;
        part.createdAt = now;
        part.updatedAt = now;
        part.sentAt = now;
        part.persist();
        return part;
    }

    private RequestView record(InformationRequest req, Action action, Caller caller, String detail,
            List<String> addressees, String lang) {
        req.updatedAt = now();
        em.flush(); // the version check: a concurrent change fails here, before anything is recorded
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topics.REQUEST_EVENTS);
        for (String addressee : addressees) {
            topics.add(Topics.memberState(addressee.equals(req.requester)
                    ? req.requesterState
                    : directory.authority(addressee).map(AuthorityEntry::memberState).orElseThrow()));
        }
        RequestEvent data = new RequestEvent(req.id, req.reference, action.name(), req.state, req.requester,
                req.responder, req.requesterState, req.responderState, req.policyArea, req.profession,
                req.requestedDueDate, req.proposedDueDate, req.agreedDueDate, actor(caller),
                List.copyOf(addressees), req.forwardedFrom, req.version);
        UUID eventId = outbox.record(new OutgoingEvent(action.eventType(), req.id.toString(), SOURCE, data,
                List.copyOf(topics)));
        timeline(req, action.name(), caller, detail, eventId);
        timers(req, action);
        return view(req, caller, caller.authority().isPresent() ? Access.PARTY : Access.COORDINATOR, lang);
    }

    /** Starts, moves or stops the request's deadlines after a step, in the step's transaction. */
    private void timers(InformationRequest req, Action action) {
        switch (action) {
            case SEND -> startAcceptance(req);
            case ACCEPT, AGREE_DUE_DATE, REJECT_DUE_DATE -> {
                deadlines.cancel(req.id, Kind.ACCEPTANCE);
                Kind kind = req.state == RequestState.FURTHER_INFO_REQUESTED ? Kind.FURTHER_INFO : Kind.ANSWER;
                deadlines.startOn(CASE, procedure(req), req.id, req.reference, kind, req.responder,
                        req.responderState, req.dueDate());
            }
            case ANSWER -> deadlines.cancel(req.id, Kind.ANSWER, Kind.FURTHER_INFO);
            case DECLINE, CLOSE, WITHDRAW -> deadlines.cancel(req.id);
            default -> {
                // PROPOSE_DUE_DATE keeps the running deadline until the requester decides; FORWARD and
                // REQUEST_FURTHER_INFO are handled in their methods, which know the target and the date
            }
        }
        if (req.state.open() && req.state != RequestState.DRAFT) {
            boolean requesterOwes = req.state == RequestState.ANSWERED;
            deadlines.startIn(CASE, procedure(req), req.id, req.reference, Kind.INACTIVITY, requesterOwes
                    ? req.requester
                    : req.responder, requesterOwes ? req.requesterState : req.responderState,
                    policy(req).inactivity());
        }
    }

    private void startAcceptance(InformationRequest req) {
        deadlines.startIn(CASE, procedure(req), req.id, req.reference, Kind.ACCEPTANCE, req.responder,
                req.responderState, policy(req).acceptance());
    }

    private static String procedure(InformationRequest req) {
        return DeadlinePolicies.key(req.procedure);
    }

    private DeadlinePolicies.Policy policy(InformationRequest req) {
        return policies.of(procedure(req));
    }

    /** Who acts: the caller's authority, or the coordinator it is. */
    private static String actor(Caller caller) {
        return caller.authority().or(() -> caller.coordinator().map(Caller.CoordinatorScope::code)).orElse("-");
    }

    private void timeline(InformationRequest req, String action, Caller caller, String detail, UUID eventId) {
        TimelineEntry t = new TimelineEntry();
        t.requestId = req.id;
        t.seq = ++req.timelineLength;
        t.action = action;
        t.authority = actor(caller);
        t.actor = caller.subject();
        t.at = now();
        t.detail = detail;
        t.eventId = eventId;
        t.persist();
    }

    private RequestView view(InformationRequest r, Caller caller, Access access, String preferred) {
        String lang = viewLanguage(caller, preferred);
        List<QuestionView> qs = r.questions.stream().map(q -> {
            QuestionCatalogue.Entry e = q.code() == null ? null : catalogue.get(q.code());
            return new QuestionView(q.position(), q.code(), e == null ? q.freeText() : e.text(lang), q.answerType(),
                    e == null ? List.of() : e.choices(), q.round(), q.answer(), q.answeredAt());
        }).toList();
        return new RequestView(r.id, r.reference, r.state, r.requester, r.responder, r.policyArea, r.procedure,
                r.profession, access == Access.PARTY ? r.professional : null, r.requesterLanguage, lang,
                r.requestedDueDate, r.proposedDueDate, r.agreedDueDate, qs, r.forwardedFrom, r.declineReason,
                r.createdAt, r.sentAt, r.acceptedAt, r.answeredAt, r.closedAt, r.version);
    }

    /** The view language: Accept-Language when the catalogue has it, else the caller authority's working language. */
    private String viewLanguage(Caller caller, String preferred) {
        if (preferred != null && QuestionCatalogue.LANGUAGES.contains(preferred)) {
            return preferred;
        }
        return caller.authority().flatMap(directory::authority).flatMap(a -> a.workingLanguages().stream().filter(
                QuestionCatalogue.LANGUAGES::contains).findFirst()).orElse("en");
    }

    private static AttachmentView attachmentView(Attachment a) {
        return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy,
                a.uploadedAt);
    }

    private static boolean matchesType(byte[] b, String type) {
        return switch (type) {
            case "application/pdf" -> b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
            case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
            default -> false;
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
