package eu.authorityhub.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.request.RequestPayloads.Procedure;
import eu.authorityhub.request.RequestPayloads.Professional;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.request.RequestState.Side;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An information request between two authorities. Transitions are methods: each checks who acts and the current
 * state, changes the request, and leaves the event to the service.
 */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {

    /** One question of the request, with its answer once given. Stored in the request's JSON list. */
    public record Question(int position, String code, String freeText, String answerType, int round, JsonNode answer,
            OffsetDateTime answeredAt) {

        /**
         * No answer is always {@code null}, never JSON's null: the stored list reads back {@code "answer": null} as a
         * null node, and a question that differed from its copy in that alone made every flush rewrite the row.
         */
        public Question {
            if (answer != null && answer.isNull()) {
                answer = null;
            }
        }

        Question withAnswer(JsonNode value, OffsetDateTime at) {
            return new Question(position, code, freeText, answerType, round, value, at);
        }

        boolean answered() {
            return answer != null && !answer.isNull();
        }
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String reference;

    @Column(nullable = false)
    public String requester;

    @Column(nullable = false)
    public String responder;

    @Column(name = "requester_state", nullable = false, columnDefinition = "bpchar(2)")
    public String requesterState;

    @Column(name = "responder_state", nullable = false, columnDefinition = "bpchar(2)")
    public String responderState;

    @Column(name = "policy_area", nullable = false)
    public String policyArea;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Procedure procedure;

    @Column(nullable = false)
    public String profession;

    /** Null once the personal data are deleted. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Professional professional;

    @Column(name = "requester_language", nullable = false)
    public String requesterLanguage;

    @Column(name = "catalogue_version", nullable = false)
    public int catalogueVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state;

    @Column(name = "requested_due_date", nullable = false)
    public LocalDate requestedDueDate;

    @Column(name = "proposed_due_date")
    public LocalDate proposedDueDate;

    @Column(name = "agreed_due_date")
    public LocalDate agreedDueDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Question> questions = new ArrayList<>();

    @Column(name = "forwarded_from")
    public UUID forwardedFrom;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /**
     * ACTIVE, BLOCKED or DELETED (IMI Regulation Art. 14). Written only by the retention feature, which also moves the
     * version, so that a step racing with a blocking fails rather than writing the data back.
     */
    @Column(name = "personal_data", insertable = false, updatable = false)
    public String personalData;

    @Column(name = "personal_data_blocked_at", insertable = false, updatable = false)
    public OffsetDateTime personalDataBlockedAt;

    @Column(name = "personal_data_deleted_at", insertable = false, updatable = false)
    public OffsetDateTime personalDataDeletedAt;

    /** Entries in its timeline; the next entry is number timelineLength + 1. */
    @Column(name = "timeline_length", nullable = false)
    public int timelineLength;

    @Version
    public long version;

    /** Which side the authority is on, if any. */
    public Side sideOf(String authority) {
        if (requester.equals(authority)) {
            return Side.REQUESTER;
        }
        return responder.equals(authority) ? Side.RESPONDER : null;
    }

    /** Checks that {@code authority} may take {@code action} now; throws the stable refusal otherwise. */
    public void check(Action action, String authority) {
        Side side = sideOf(authority);
        if (action.side() != Side.EITHER && action.side() != side) {
            throw new HubException(ErrorCode.WRONG_PARTY, action + " is taken by the " + action.side().name()
                    .toLowerCase() + " of request " + reference);
        }
        if (!action.allowedFrom(state)) {
            throw new HubException(ErrorCode.ILLEGAL_TRANSITION, action + " is not possible while request "
                    + reference + " is " + state);
        }
    }

    void send(OffsetDateTime now) {
        state = RequestState.SENT;
        sentAt = now;
    }

    void accept(LocalDate proposal, OffsetDateTime now) {
        state = RequestState.ACCEPTED;
        acceptedAt = now;
        if (proposal == null || proposal.equals(requestedDueDate)) {
            agreedDueDate = requestedDueDate;
            proposedDueDate = null;
        } else {
            proposedDueDate = proposal;
        }
    }

    void proposeDueDate(LocalDate proposal) {
        proposedDueDate = proposal;
    }

    void settleDueDate(boolean agree) {
        if (proposedDueDate == null) {
            throw new HubException(ErrorCode.ILLEGAL_TRANSITION, "No due date is proposed on request " + reference);
        }
        agreedDueDate = agree ? proposedDueDate : (agreedDueDate == null ? requestedDueDate : agreedDueDate);
        proposedDueDate = null;
    }

    void forwardTo(String authority, String memberState) {
        responder = authority;
        responderState = memberState;
        state = RequestState.SENT;
        acceptedAt = null;
        agreedDueDate = null;
        proposedDueDate = null;
    }

    /** A coordinator of the responder's member state moves the open request to another authority there. */
    void reassignTo(String authority, String memberState, String coordinatorState) {
        if (!Action.REASSIGN.allowedFrom(state) || !coordinatorState.equals(responderState)) {
            throw new HubException(ErrorCode.ILLEGAL_TRANSITION, "Request " + reference + " is " + state + " with "
                    + responder + "; a coordinator of " + responderState + " may reassign open requests of its state");
        }
        forwardTo(authority, memberState);
    }

    /**
     * Forwards part of the questions: they leave this request for a new one, already sent to {@code authority} and
     * linked to this one, which keeps the rest (both renumbered from 1). The new request is returned unsaved.
     */
    InformationRequest splitOff(Set<Integer> positions, String authority, String memberState, String partReference,
            OffsetDateTime now) {
        InformationRequest part = new InformationRequest();
        part.id = UUID.randomUUID();
        part.reference = partReference;
        part.requester = requester;
        part.requesterState = requesterState;
        part.responder = authority;
        part.responderState = memberState;
        part.policyArea = policyArea;
        part.procedure = procedure;
        part.profession = profession;
        part.professional = professional;
        part.requesterLanguage = requesterLanguage;
        part.catalogueVersion = catalogueVersion;
        part.state = RequestState.SENT;
        part.requestedDueDate = requestedDueDate;
        part.forwardedFrom = id;
        part.createdAt = now;
        part.updatedAt = now;
        part.sentAt = now;
        List<Question> moved = new ArrayList<>();
        List<Question> kept = new ArrayList<>();
        for (Question q : questions) {
            if (positions.contains(q.position())) {
                moved.add(new Question(moved.size() + 1, q.code(), q.freeText(), q.answerType(), q.round(), null,
                        null));
            } else {
                kept.add(new Question(kept.size() + 1, q.code(), q.freeText(), q.answerType(), q.round(), q.answer(),
                        q.answeredAt()));
            }
        }
        part.questions = moved;
        questions = kept;
        return part;
    }

    /** Fills in answers (already checked against their questions), keeping the others. */
    void fillIn(List<RequestPayloads.AnswerItem> answers, OffsetDateTime now) {
        List<Question> updated = new ArrayList<>(questions);
        for (RequestPayloads.AnswerItem a : answers) {
            updated.set(a.position() - 1, updated.get(a.position() - 1).withAnswer(a.value(), now));
        }
        questions = updated;
    }

    void decline(String reason, OffsetDateTime now) {
        state = RequestState.DECLINED;
        declineReason = reason;
        closedAt = now;
    }

    /** The open questions of the current round that have no answer yet. */
    List<Question> unanswered() {
        return questions.stream().filter(q -> !q.answered()).toList();
    }

    void answer(OffsetDateTime now) {
        if (!unanswered().isEmpty()) {
            throw new HubException(ErrorCode.REQUEST_INCOMPLETE, unanswered().size() + " question(s) of request "
                    + reference + " have no answer: " + unanswered().stream().map(Question::position).toList());
        }
        state = RequestState.ANSWERED;
        answeredAt = now;
    }

    void askFurther(List<String> texts, LocalDate dueDate) {
        int round = questions.stream().mapToInt(Question::round).max().orElse(1) + 1;
        List<Question> next = new ArrayList<>(questions);
        int position = questions.size();
        for (String text : texts) {
            next.add(new Question(++position, null, text.strip(), "TEXT", round, null, null));
        }
        questions = next;
        state = RequestState.FURTHER_INFO_REQUESTED;
        if (dueDate != null) {
            agreedDueDate = dueDate;
            proposedDueDate = null;
        }
    }

    void close(OffsetDateTime now) {
        state = RequestState.CLOSED;
        closedAt = now;
    }

    void withdraw(OffsetDateTime now) {
        state = RequestState.WITHDRAWN;
        closedAt = now;
    }

    /** The due date that counts now: the agreed one, else the requested one. */
    public LocalDate dueDate() {
        return agreedDueDate != null ? agreedDueDate : requestedDueDate;
    }
}
