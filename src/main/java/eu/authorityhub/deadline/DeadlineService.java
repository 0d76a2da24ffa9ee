package eu.authorityhub.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.deadline.DeadlineTimer.Kind;
import eu.authorityhub.deadline.DeadlineTimer.Stage;
import eu.authorityhub.deadline.DeadlineTimer.State;
import eu.authorityhub.directory.Coordinator;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;
import eu.authorityhub.security.Caller;

/**
 * Starts, moves and stops the timers of cases (always inside the case's own transaction, so a timer never outlives
 * the state that justified it), and fires due timers in batches claimed with {@code FOR UPDATE SKIP LOCKED}, so that
 * several hub instances never fire the same timer twice.
 */
@ApplicationScoped
public class DeadlineService {

    static final String SOURCE = "/hub/deadlines";
    public static final String TYPE_PREFIX = "eu.authorityhub.deadline.";

    private final DeadlineConfig config;
    private final DeadlineCalendar calendar;
    private final OutboxRecorder outbox;
    private final Clock clock;
    private final EntityManager em;
    private final DeadlinePolicies policies;

    public DeadlineService(DeadlineConfig config, DeadlineCalendar calendar, OutboxRecorder outbox, Clock clock,
            EntityManager em, DeadlinePolicies policies) {
        this.config = config;
        this.policies = policies;
        this.calendar = calendar;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
    }

    /** Data of the reminder, overdue and escalated events (kafka/schemas/deadline-*.v1.json). */
    public record DeadlineEvent(long timerId, String caseType, UUID caseId, String reference, Kind kind, Stage stage,
            String party, String partyState, OffsetDateTime dueAt, OffsetDateTime firedAt, long latenessSeconds,
            boolean late, long overdueSeconds, List<String> addressees, String sentBy) {
    }

    // ------------------------------------------------------------------------------------- scheduling

    /** Starts a timer of {@code period} from now (calendar or working days of the party's member state). */
    @Transactional(TxType.MANDATORY)
    public void startIn(String caseType, String procedure, UUID caseId, String reference, Kind kind, String party,
            String partyState, Duration period) {
        start(caseType, procedure, caseId, reference, kind, party, partyState, dueIn(procedure, partyState, period));
    }

    /** Starts a timer due at the end of {@code date} (UTC). */
    @Transactional(TxType.MANDATORY)
    public void startOn(String caseType, String procedure, UUID caseId, String reference, Kind kind, String party,
            String partyState, LocalDate date) {
        start(caseType, procedure, caseId, reference, kind, party, partyState, dueOn(date));
    }

    private void start(String caseType, String procedure, UUID caseId, String reference, Kind kind, String party,
            String partyState, OffsetDateTime due) {
        change(caseType, procedure, caseId, reference, Set.of(), List.of(new Start(kind, party, partyState, due)));
    }

    /** A timer that a step starts: of {@code kind}, owed by {@code party} (of {@code partyState}), due at {@code due}. */
    public record Start(Kind kind, String party, String partyState, OffsetDateTime due) {
    }

    /** When a timer started now for {@code period} is due (calendar or working days of the party's member state). */
    public OffsetDateTime dueIn(String procedure, String partyState, Duration period) {
        return calendar.add(now(), period, partyState, policies.of(procedure).workingDays());
    }

    /** When a timer due on {@code date} is due: at the end of that day (UTC). */
    public static OffsetDateTime dueOn(LocalDate date) {
        return date.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /**
     * One step's change to a case's timers: ends those of the kinds in {@code ended} and of the kinds it starts
     * again, then starts {@code started}. One update ends them all (instead of one per kind, each flushing the
     * session first); the new rows go out with the session's next flush.
     */
    @Transactional(TxType.MANDATORY)
    public void change(String caseType, String procedure, UUID caseId, String reference, Set<Kind> ended,
            List<Start> started) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        kinds.addAll(ended);
        started.forEach(t -> kinds.add(t.kind()));
        if (!kinds.isEmpty()) {
            cancel(caseId, kinds.toArray(Kind[]::new));
        }
        OffsetDateTime now = now();
        for (Start t : started) {
            timer(new NewTimer(caseType, procedure, caseId, reference, t.kind(), t.party(), t.partyState(), null),
                    t.due(), now).persist();
        }
    }

    /** A timer of a case that has none yet, due {@code period} from now. */
    public record NewTimer(String caseType, String procedure, UUID caseId, String reference, Kind kind, String party,
            String partyState, Duration period) {
    }

    /**
     * Starts the first timers of new cases in one JDBC batch (nothing to cancel: the cases are new in this
     * transaction).
     */
    @Transactional(TxType.MANDATORY)
    public void startAllNew(List<NewTimer> timers) {
        if (timers.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<DeadlineTimer> rows = new ArrayList<>(timers.size());
        for (NewTimer n : timers) {
            rows.add(timer(n, calendar.add(now, n.period(), n.partyState(), policies.of(n.procedure())
                    .workingDays()), now));
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into deadline_timer"
                    + " (case_type, case_id, reference, procedure, kind, party, party_state, due_at, stage,"
                    + " next_fire_at, state, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DeadlineTimer t : rows) {
                    insert.setString(1, t.caseType);
                    insert.setObject(2, t.caseId);
                    insert.setString(3, t.reference);
                    insert.setString(4, t.procedure);
                    insert.setString(5, t.kind.name());
                    insert.setString(6, t.party);
                    insert.setString(7, t.partyState);
                    insert.setObject(8, t.dueAt);
                    insert.setString(9, t.stage.name());
                    insert.setObject(10, t.nextFireAt);
                    insert.setString(11, t.state.name());
                    insert.setObject(12, t.createdAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private DeadlineTimer timer(NewTimer n, OffsetDateTime due, OffsetDateTime now) {
        DeadlineTimer t = new DeadlineTimer();
        t.caseType = n.caseType();
        t.caseId = n.caseId();
        t.procedure = n.procedure();
        t.reference = n.reference();
        t.kind = n.kind();
        t.party = n.party();
        t.partyState = n.partyState();
        t.dueAt = due;
        OffsetDateTime reminder = due.minus(policies.of(n.procedure()).reminderBefore());
        t.stage = now.isBefore(reminder) ? Stage.REMINDER : Stage.OVERDUE;
        t.nextFireAt = t.stage == Stage.REMINDER ? reminder : due;
        t.state = State.PENDING;
        t.createdAt = now;
        return t;
    }

    /** Ends the case's timers of the given kinds (all kinds when none is given): the step is no longer owed. */
    @Transactional(TxType.MANDATORY)
    public int cancel(UUID caseId, Kind... kinds) {
        List<String> names = new ArrayList<>();
        for (Kind k : kinds.length == 0 ? Kind.values() : kinds) {
            names.add(k.name());
        }
        // DONE timers too: after its escalation a deadline is still owed until the case moves
        return em.createNativeQuery("update deadline_timer set state = 'CANCELLED', ended_at = :now where case_id ="
                + " :c and state <> 'CANCELLED' and kind in (:k)").setParameter("now", now()).setParameter("c", caseId)
                .setParameter("k", names).executeUpdate();
    }

    // ------------------------------------------------------------------------------------- firing

    /**
     * Fires up to one batch of timers due at or before {@code cutoff}, in one transaction, and returns how many
     * fired. Each fired stage is an event in the outbox; the timer moves to its next stage or is done.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int fireBatch(OffsetDateTime cutoff) {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<DeadlineTimer> due = em.createNativeQuery("select * from deadline_timer where state = 'PENDING' and"
                + " next_fire_at <= :cutoff order by next_fire_at limit :n for update skip locked",
                DeadlineTimer.class).setParameter("cutoff", cutoff).setParameter("n", config.batchSize())
                .getResultList();
        List<OutgoingEvent> events = new ArrayList<>(due.size());
        for (DeadlineTimer t : due) {
            events.add(fire(t, now));
        }
        outbox.recordAll(events); // the batch's events in one JDBC batch, after the timers' updates
        return due.size();
    }

    /** Moves the timer past the stage that fires and returns that stage's event. */
    private OutgoingEvent fire(DeadlineTimer t, OffsetDateTime now) {
        long lateness = Math.max(0, Duration.between(t.nextFireAt, now).toSeconds());
        Stage fired = t.stage;
        List<String> addressees = new ArrayList<>(List.of(t.party));
        switch (fired) {
            case REMINDER -> {
                t.remindedAt = now;
                t.stage = Stage.OVERDUE;
                t.nextFireAt = t.dueAt;
            }
            case OVERDUE -> {
                t.overdueAt = now;
                t.stage = Stage.ESCALATION;
                DeadlinePolicies.Policy policy = policies.of(t.procedure);
                t.nextFireAt = calendar.add(t.dueAt, policy.escalateAfter(), t.partyState, policy.workingDays());
            }
            case ESCALATION -> {
                t.escalatedAt = now;
                t.state = State.DONE;
                t.endedAt = now;
                Coordinator.<Coordinator>find("memberState = ?1 and kind = ?2 and active = true order by code",
                        t.partyState, Coordinator.Kind.NATIONAL).firstResultOptional()
                        .ifPresent(c -> addressees.add(c.code));
            }
        }
        String action = switch (fired) {
            case REMINDER -> "reminder";
            case OVERDUE -> "overdue";
            case ESCALATION -> "escalated";
        };
        DeadlineEvent data = new DeadlineEvent(t.id, t.caseType, t.caseId, t.reference, t.kind, fired, t.party,
                t.partyState, t.dueAt, now, lateness, lateness > config.lateAfter().toSeconds(),
                Math.max(0, Duration.between(t.dueAt, now).toSeconds()), addressees, null);
        return new OutgoingEvent(TYPE_PREFIX + action + ".v1", t.caseId.toString(), SOURCE, data, List.of(
                Topics.DEADLINE_EVENTS, Topics.memberState(t.partyState)));
    }

    /** A coordinator reminds the party of a deadline it owes (an extra reminder, sent by the coordinator). */
    @Transactional(TxType.MANDATORY)
    public void remindByCoordinator(DeadlineTimer t, String coordinator) {
        OffsetDateTime now = now();
        DeadlineEvent data = new DeadlineEvent(t.id, t.caseType, t.caseId, t.reference, t.kind, Stage.REMINDER,
                t.party, t.partyState, t.dueAt, now, 0, false, Math.max(0, Duration.between(t.dueAt, now)
                        .toSeconds()),
                List.of(t.party), coordinator);
        outbox.record(new OutgoingEvent(TYPE_PREFIX + "reminder.v1", t.caseId.toString(), SOURCE, data, List.of(
                Topics.DEADLINE_EVENTS, Topics.memberState(t.partyState))));
    }

    @Transactional(TxType.MANDATORY)
    public DeadlinePayloads.NoteView addNote(DeadlineTimer t, String coordinator, String author, String text) {
        OffsetDateTime at = now();
        Number id = (Number) em.createNativeQuery("insert into deadline_note (timer_id, coordinator, author, text, at)"
                + " values (:t, :c, :a, :x, :at) returning id").setParameter("t", t.id).setParameter("c", coordinator)
                .setParameter("a", author).setParameter("x", text).setParameter("at", at).getSingleResult();
        return new DeadlinePayloads.NoteView(id.longValue(), t.id, coordinator, author, text, at);
    }

    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<DeadlinePayloads.NoteView> notes(DeadlineTimer t) {
        List<Object[]> rows = em.createNativeQuery("select id, coordinator, author, text, at from deadline_note where"
                + " timer_id = :t order by id").setParameter("t", t.id).getResultList();
        return rows.stream().map(r -> new DeadlinePayloads.NoteView(((Number) r[0]).longValue(), t.id, (String) r[1],
                (String) r[2], (String) r[3], eu.authorityhub.time.SqlTimes.utc(r[4])))
                .toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * A deadline the coordinator follows: one owed by an authority of its member state. Anything else is "no such
     * deadline" (404), as for a deadline that does not exist.
     */
    public DeadlineTimer followedBy(Caller c, long id) {
        String state = c.coordinator().map(Caller.CoordinatorScope::memberState).orElseThrow(
                () -> new HubException(ErrorCode.FORBIDDEN,
                        "The token names no active coordinator"));
        DeadlineTimer t = DeadlineTimer.findById(id);
        if (t == null || !t.partyState.equals(state)) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such deadline");
        }
        return t;
    }

    /** A case's deadlines, oldest first. */
    public List<DeadlineTimer> ofCase(UUID caseId) {
        return DeadlineTimer.<DeadlineTimer>find("caseId = ?1 order by id", caseId).list();
    }
}
