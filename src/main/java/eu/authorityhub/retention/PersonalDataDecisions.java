package eu.authorityhub.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.retention.RetentionPayloads.DecisionView;
import eu.authorityhub.retention.RetentionPayloads.PersonalDataStatus;
import eu.authorityhub.security.AccessPolicy;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/**
 * What a party's data-protection officer decides on a case's personal data: unblocking it for its own authority, for a
 * stated reason and a limited time (proof of the exchange, Art. 14(1)), or deleting it before its time with the
 * professional's consent (Art. 14(2)). Each decision is recorded with who, why and when; the status of a case says
 * when its data are or were blocked and deleted.
 */
@ApplicationScoped
public class PersonalDataDecisions {

    /** The state of a case's personal data, read in the caller's transaction. */
    record CaseData(UUID id, String requester, String responder, String requestState, String personalData,
            OffsetDateTime blockedAt, OffsetDateTime deletedAt) {

        boolean party(String authority) {
            return authority.equals(requester) || (!"DRAFT".equals(requestState) && authority.equals(responder));
        }

        boolean open() {
            return !List.of("CLOSED", "DECLINED", "WITHDRAWN").contains(requestState);
        }
    }

    private final EntityManager em;
    private final RetentionConfig config;
    private final RetentionService retention;
    private final PersonalDataEraser eraser;
    private final Clock clock;

    PersonalDataDecisions(EntityManager em, RetentionConfig config, RetentionService retention,
            PersonalDataEraser eraser, Clock clock) {
        this.em = em;
        this.config = config;
        this.retention = retention;
        this.eraser = eraser;
        this.clock = clock;
    }

    /**
     * Whether the personal data of a blocked request are unblocked for this authority now. Active data are visible to
     * the parties and deleted data to nobody; this answers for blocked ones.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<OffsetDateTime> unblockedUntil(UUID request, String authority) {
        @SuppressWarnings("unchecked")
        List<Object> until = em.createNativeQuery("select max(until) from personal_data_decision where case_id = :c"
                + " and kind = 'UNBLOCK' and authority = :a and until > :now").setParameter("c", request)
                .setParameter("a", authority).setParameter("now", OffsetDateTime.now(clock)).getResultList();
        return until.isEmpty() ? Optional.empty() : Optional.ofNullable(PersonalDataEraser.time(until.get(0)));
    }

    @Transactional
    public DecisionView unblock(Caller caller, UUID request, String reason, Integer days) {
        CaseData c = officersCase(caller, request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (c.personalData()) {
            case "ACTIVE" -> throw new HubException(ErrorCode.PERSONAL_DATA_NOT_BLOCKED,
                    "The personal data of this request are not blocked");
            case "DELETED" -> throw new HubException(ErrorCode.PERSONAL_DATA_ALREADY_DELETED,
                    "The personal data of this request were deleted on " + c.deletedAt().toLocalDate());
            default -> {
            }
        }
        String authority = caller.authority().orElseThrow();
        if (unblockedUntil(request, authority).isPresent()) {
            throw new HubException(ErrorCode.ALREADY_UNBLOCKED,
                    "The personal data of this request are already unblocked for " + authority);
        }
        Duration length = days == null ? config.unblockFor() : Duration.ofDays(days);
        if (length.compareTo(config.unblockAtMost()) > 0) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "An unblocking lasts at most " + config
                    .unblockAtMost().toDays() + " days",
                    List.of(new eu.authorityhub.api.Problem.FieldError("days", "at most " + config.unblockAtMost()
                            .toDays())),
                    java.util.Map.of());
        }
        return record(request, "UNBLOCK", authority, caller.subject(), reason, null, now, now.plus(length));
    }

    @Transactional
    public DecisionView deleteEarly(Caller caller, UUID request, String reason, String consent) {
        CaseData c = officersCase(caller, request);
        if ("DELETED".equals(c.personalData())) {
            throw new HubException(ErrorCode.PERSONAL_DATA_ALREADY_DELETED,
                    "The personal data of this request were deleted on " + c.deletedAt().toLocalDate());
        }
        if (c.open()) {
            throw new HubException(ErrorCode.CASE_STILL_OPEN,
                    "The request is still open; close or withdraw it before deleting its personal data");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DecisionView d = record(request, "EARLY_DELETION", caller.authority().orElseThrow(), caller.subject(),
                reason, consent, now, null);
        eraser.delete(List.of(request), now, PersonalDataEraser.Cause.EARLY_DELETION);
        retention.cancel(request);
        return d;
    }

    /** The state of a case's personal data, its schedule and the decisions taken, for the parties. */
    @Transactional
    public PersonalDataStatus status(Caller caller, UUID request) {
        CaseData c = partysCase(caller, request);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select action, due_at from retention_task where case_id = :c and"
                + " state = 'PENDING'").setParameter("c", request).getResultList();
        OffsetDateTime blockDue = null;
        OffsetDateTime deleteDue = null;
        for (Object[] d : due) {
            if ("BLOCK".equals(d[0])) {
                blockDue = PersonalDataEraser.time(d[1]);
            } else {
                deleteDue = PersonalDataEraser.time(d[1]);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, authority, officer, reason, consent, at, until"
                + " from personal_data_decision where case_id = :c order by id").setParameter("c", request)
                .getResultList();
        List<DecisionView> decisions = rows.stream().map(r -> new DecisionView(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], PersonalDataEraser.time(
                        r[6]),
                PersonalDataEraser.time(r[7]))).toList();
        return new PersonalDataStatus(request, c.personalData(), c.blockedAt(), c.deletedAt(), blockDue, deleteDue,
                unblockedUntil(request, caller.authority().orElseThrow()).orElse(null), decisions);
    }

    private DecisionView record(UUID request, String kind, String authority, String officer, String reason,
            String consent, OffsetDateTime at, OffsetDateTime until) {
        Number id = (Number) em.createNativeQuery("insert into personal_data_decision (case_type, case_id, kind,"
                + " authority, officer, reason, consent, at, until) values ('REQUEST', :c, :k, :a, :o, :r, :s, :at,"
                + " :u) returning id").setParameter("c", request).setParameter("k", kind).setParameter("a", authority)
                .setParameter("o", officer).setParameter("r", reason).setParameter("s", consent).setParameter("at",
                        at)
                .setParameter("u", until).getSingleResult();
        return new DecisionView(id.longValue(), kind, authority, officer, reason, consent, at, until);
    }

    /** The case, locked, once the caller is a data-protection officer of one of its parties. */
    private CaseData officersCase(Caller caller, UUID request) {
        if (!caller.hasRole(Roles.DATA_PROTECTION_OFFICER)) {
            throw new HubException(ErrorCode.FORBIDDEN,
                    "Only a data-protection officer of a party decides on a case's personal data");
        }
        return partysCase(caller, request, " for update");
    }

    private CaseData partysCase(Caller caller, UUID request) {
        return partysCase(caller, request, "");
    }

    private CaseData partysCase(Caller caller, UUID request, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, requester, responder, state, personal_data,"
                + " personal_data_blocked_at, personal_data_deleted_at from information_request where id = :id" + lock)
                .setParameter("id", request).getResultList();
        if (rows.isEmpty()) {
            throw AccessPolicy.notFound("such request");
        }
        Object[] r = rows.get(0);
        CaseData c = new CaseData((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                PersonalDataEraser.time(r[5]), PersonalDataEraser.time(r[6]));
        if (caller.authority().filter(c::party).isEmpty()) {
            throw AccessPolicy.notFound("such request"); // a non-party learns nothing, not even that it exists
        }
        return c;
    }
}
