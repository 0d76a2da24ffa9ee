package eu.authorityhub.request;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import eu.authorityhub.directory.DirectoryCache;
import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;
import eu.authorityhub.request.RequestPayloads.RequestEvent;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.security.Caller;

/**
 * Records a step once the request has changed: the version check, then its event (to the request topic and the
 * addressees' member-state topics, through the outbox) and its timeline entry, in the step's transaction.
 */
@ApplicationScoped
class RequestRecorder {

    static final String SOURCE = "/hub/requests";

    private final OutboxRecorder outbox;
    private final DirectoryCache directory;
    private final EntityManager em;
    private final Clock clock;

    RequestRecorder(OutboxRecorder outbox, DirectoryCache directory, EntityManager em, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.em = em;
        this.clock = clock;
    }

    /** A step of the exchange: an event for the addressees and a timeline entry. */
    void step(InformationRequest req, Action action, Caller caller, String detail, List<String> addressees) {
        int seq = touch(req);
        UUID eventId = outbox.record(event(req, action, caller, addressees));
        timeline(req, seq, action.recordedAs().name(), caller, detail, eventId);
    }

    /** The timeline entries {@link #created} writes for a new request: its creation, and its sending if sent. */
    static int entriesOfNew(boolean sent) {
        return sent ? 2 : 1;
    }

    /**
     * New requests of one caller, stored (and flushed) in this transaction with {@link #entriesOfNew} as their
     * timeline length, each created and, where {@code sent} says so, sent at once: their timelines and send events in
     * one batch each instead of a round trip per row. The requests are not changed here, so that each row is written
     * once, by its insert.
     */
    void created(List<InformationRequest> requests, List<Boolean> sent, Caller caller) {
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (sent.get(i)) {
                InformationRequest req = requests.get(i);
                events.add(event(req, Action.SEND, caller, List.of(req.responder)));
            }
        }
        List<UUID> eventIds = outbox.recordAll(events);
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into request_timeline (request_id,"
                    + " seq, action, authority, actor, at, detail, event_id) values (?, ?, ?, ?, ?, ?, null, ?)")) {
                int e = 0;
                for (int i = 0; i < requests.size(); i++) {
                    InformationRequest req = requests.get(i);
                    add(insert, req, 1, "CREATE", caller, now, UUID.randomUUID());
                    if (sent.get(i)) {
                        add(insert, req, 2, Action.SEND.recordedAs().name(), caller, now, eventIds.get(e++));
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** A new draft of a single call: stored with its first timeline entry, the row written once (by its insert). */
    void created(InformationRequest req, Caller caller) {
        int seq = ++req.timelineLength;
        req.persist();
        em.flush(); // the row before its timeline entry, whatever order the session would give the inserts
        timeline(req, seq, "CREATE", caller, null, UUID.randomUUID());
    }

    private static void add(PreparedStatement insert, InformationRequest req, int seq, String action, Caller caller,
            OffsetDateTime at, UUID eventId) throws SQLException {
        insert.setObject(1, req.id);
        insert.setInt(2, seq);
        insert.setString(3, action);
        insert.setString(4, actor(caller));
        insert.setString(5, caller.subject());
        insert.setObject(6, at);
        insert.setObject(7, eventId);
        insert.addBatch();
    }

    private OutgoingEvent event(InformationRequest req, Action action, Caller caller, List<String> addressees) {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topics.REQUEST_EVENTS);
        for (String addressee : addressees) {
            topics.add(Topics.memberState(addressee.equals(req.requester)
                    ? req.requesterState
                    : directory.authority(addressee).map(AuthorityEntry::memberState).orElseThrow()));
        }
        RequestEvent data = new RequestEvent(req.id, req.reference, action.recordedAs().name(), req.state,
                req.requester, req.responder, req.requesterState, req.responderState, req.policyArea, req.profession,
                req.requestedDueDate, req.proposedDueDate, req.agreedDueDate, actor(caller), List.copyOf(addressees),
                req.forwardedFrom, req.version);
        return new OutgoingEvent(action.eventType(), req.id.toString(), SOURCE, data, List.copyOf(topics));
    }

    /** A change only its own authority sees (a draft, saved answers, an attachment): a timeline entry, no event. */
    void internal(InformationRequest req, String action, Caller caller, String detail) {
        int seq = touch(req);
        timeline(req, seq, action, caller, detail, UUID.randomUUID());
    }

    /**
     * The step's changes to the request (its time and the number of its next timeline entry) go out with the version
     * check, in one update of the row; returns that number.
     */
    private int touch(InformationRequest req) {
        req.updatedAt = OffsetDateTime.now(clock);
        int seq = ++req.timelineLength;
        em.flush(); // the version check: a concurrent change fails here, before anything is recorded
        return seq;
    }

    private void timeline(InformationRequest req, int seq, String action, Caller caller, String detail,
            UUID eventId) {
        TimelineEntry t = new TimelineEntry();
        t.requestId = req.id;
        t.seq = seq;
        t.action = action;
        t.authority = actor(caller);
        t.actor = caller.subject();
        t.at = OffsetDateTime.now(clock);
        t.detail = detail;
        t.eventId = eventId;
        t.persist();
    }

    /** Who acts: the caller's authority, or the coordinator it is. */
    private static String actor(Caller caller) {
        return caller.authority().or(() -> caller.coordinator().map(Caller.CoordinatorScope::code)).orElse("-");
    }
}
