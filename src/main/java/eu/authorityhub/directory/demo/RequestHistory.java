package eu.authorityhub.directory.demo;

import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;

/**
 * Closed requests written straight into the record with chosen times, for the demo's year of history, benchmarks and
 * tests whose indicator figures are known in advance. Not a way cases are made in service (no timeline, no events):
 * the database's indicator triggers count them like any other request.
 */
public final class RequestHistory {

    /**
     * {@code count} closed requests from one authority to another, sent evenly over {@code days} days from
     * {@code firstSent}; the first {@code acceptedIn7} are accepted after 2 days (the others after 9), the first
     * {@code onTime} answered {@code answerDays} days after sending (the others 35 days after, past the agreed date 30
     * days after sending).
     */
    public record Batch(String tag, String requester, String requesterState, String responder,
            String responderState, String profession, String procedure, OffsetDateTime firstSent, double days,
            int count, int acceptedIn7, int onTime, double answerDays) {
    }

    private RequestHistory() {
    }

    /** Writes the batch in the caller's transaction; returns the number of requests written. */
    public static int insert(EntityManager em, Batch b) {
        return em.createNativeQuery("""
                insert into information_request (id, reference, requester, responder, requester_state,
                    responder_state, policy_area, procedure, profession, professional, requester_language,
                    catalogue_version, state, requested_due_date, agreed_due_date, questions, created_at, updated_at,
                    sent_at, accepted_at, answered_at, closed_at)
                select gen_random_uuid(), 'HIST-' || :tag || '-' || g, :requester, :responder, :rs, :ps, 'PQ', :proc,
                    :profession, '{"familyName":"Example","givenNames":"History","birthDate":"1980-01-01"}'::jsonb,
                    'en', 1, 'CLOSED', (s + interval '30 days')::date, (s + interval '30 days')::date,
                    '[{"position":1,"code":"PQ-G-PER-01","answerType":"YES_NO","round":1}]'::jsonb, s, s
                    + interval '40 days', s, s + (case when g <= :in7 then interval '2 days' else interval '9 days'
                    end), s + (case when g <= :ontime then make_interval(secs => :answer * 86400) else
                    interval '35 days' end), s + interval '40 days'
                from (select g, cast(:first as timestamptz) + make_interval(secs => (g - 1) * :days * 86400 / :n) s
                      from generate_series(1, :n) g) x
                """).setParameter("tag", b.tag()).setParameter("requester", b.requester()).setParameter(
                "responder", b.responder()).setParameter("rs", b.requesterState()).setParameter("ps", b
                        .responderState())
                .setParameter("proc", b.procedure()).setParameter("profession", b.profession())
                .setParameter("in7", b.acceptedIn7()).setParameter("ontime", b.onTime()).setParameter("answer", b
                        .answerDays())
                .setParameter("first", b.firstSent()).setParameter("days", b.days()).setParameter("n", b.count())
                .executeUpdate();
    }

    /**
     * One request sent {@code sentAt} and still not accepted, its acceptance deadline (7 days) passed and recorded
     * overdue: a stalled case, as the deadline engine would have left it. Returns 1.
     */
    public static int stalled(EntityManager em, String reference, String requester, String responder,
            String profession, OffsetDateTime sentAt) {
        java.util.UUID id = java.util.UUID.randomUUID();
        OffsetDateTime due = sentAt.plusDays(7);
        em.createNativeQuery(
                """
                        insert into information_request (id, reference, requester, responder, requester_state,
                            responder_state, policy_area, procedure, profession, professional, requester_language,
                            catalogue_version, state, requested_due_date, questions, created_at, updated_at, sent_at,
                            acceptance_overdue_at)
                        values (:id, :ref, :requester, :responder, :rs, :ps, 'PQ', 'GENERAL', :profession,
                            '{"familyName":"Example","givenNames":"Stalled","birthDate":"1980-01-01"}'::jsonb, 'en', 1, 'SENT',
                            cast(:dueDate as date), '[{"position":1,"code":"PQ-G-PER-01","answerType":"YES_NO","round":1}]'::jsonb,
                            :sent, :sent, :sent, :due)
                        """)
                .setParameter("id", id).setParameter("ref", reference).setParameter("requester", requester)
                .setParameter("responder", responder).setParameter("rs", requester.substring(0, 2)).setParameter(
                        "ps", responder.substring(0, 2))
                .setParameter("profession", profession).setParameter("dueDate", sentAt.plusDays(30).toLocalDate())
                .setParameter("sent", sentAt).setParameter("due", due).executeUpdate();
        boolean escalated = due.plusDays(3).isBefore(OffsetDateTime.now(due.getOffset()));
        em.createNativeQuery("""
                insert into deadline_timer (case_type, case_id, reference, procedure, kind, party, party_state, due_at,
                    stage, next_fire_at, state, reminded_at, overdue_at, escalated_at, created_at, ended_at)
                values ('REQUEST', :id, :ref, 'general', 'ACCEPTANCE', :party, :ps, :due, 'ESCALATION', :esc,
                    :state, :reminded, :due, :escalatedAt, :sent, :ended)
                """).setParameter("id", id).setParameter("ref", reference).setParameter("party", responder)
                .setParameter("ps", responder.substring(0, 2)).setParameter("due", due).setParameter("esc", due
                        .plusDays(3))
                .setParameter("state", escalated ? "DONE" : "PENDING").setParameter("reminded", due.minusDays(2))
                .setParameter("escalatedAt", escalated ? due.plusDays(3) : null).setParameter("sent", sentAt)
                .setParameter("ended", escalated ? due.plusDays(3) : null).executeUpdate();
        return 1;
    }
}
