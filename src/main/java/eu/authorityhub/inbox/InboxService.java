package eu.authorityhub.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.inbox.InboxPayloads.InboxEntryView;
import eu.authorityhub.inbox.InboxPayloads.InboxPage;
import eu.authorityhub.security.Caller;

/** An authority's inbox, read with a cursor: "everything since C". */
@ApplicationScoped
public class InboxService {

    /** The kinds the inbox page filters by: requests (and their steps), alerts, deadline notices. */
    public static final List<String> KINDS = List.of("REQUEST", "ALERT", "DEADLINE");
    private static final String DEADLINE_TYPES = "eu.authorityhub.deadline.%";

    private final EntityManager em;

    public InboxService(EntityManager em) {
        this.em = em;
    }

    /** The newest entries first, optionally of one kind ({@link #KINDS}): what the inbox page shows. */
    @Transactional
    public List<InboxEntryView> latest(Caller caller, String kind, int limit) {
        String authority = owner(caller);
        var query = kind == null
                ? InboxEntry.<InboxEntry>find("authority = ?1 order by cursor desc", authority)
                : "DEADLINE".equals(kind)
                        ? InboxEntry.<InboxEntry>find("authority = ?1 and eventType like ?2 order by cursor desc",
                                authority, DEADLINE_TYPES)
                        : InboxEntry.<InboxEntry>find("authority = ?1 and caseType = ?2 and eventType not like ?3"
                                + " order by cursor desc", authority, kind, DEADLINE_TYPES);
        return query.page(0, limit).list().stream()
                .map(e -> new InboxEntryView(e.cursor, e.caseType, e.caseId, e.eventId, e.eventType, e.state, e.at))
                .toList();
    }

    /**
     * How many entries of each kind arrived after a cursor (the person's previous visit), and in all ("NEW"): a range
     * of the (authority, cursor) index, however large the inbox.
     */
    @Transactional
    public Map<String, Long> counts(Caller caller, long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select case when event_type like :d then 'DEADLINE' else case_type"
                + " end, count(*) from inbox_entry where authority = :a and cursor > :after group by 1")
                .setParameter("d", DEADLINE_TYPES).setParameter("after", after).setParameter("a", owner(caller))
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        KINDS.forEach(k -> counts.put(k, 0L));
        long fresh = 0;
        for (Object[] r : rows) {
            counts.put(String.valueOf(r[0]), ((Number) r[1]).longValue());
            fresh += ((Number) r[1]).longValue();
        }
        counts.put("NEW", fresh);
        return counts;
    }

    /**
     * A person opens their inbox: returns the cursor up to which they had seen it before (entries after it are new to
     * them), and records that they have now seen everything.
     */
    @Transactional
    public long visit(Caller caller) {
        String authority = owner(caller);
        List<?> before = em.createNativeQuery("select seen_cursor from inbox_reader where subject = :s and authority ="
                + " :a").setParameter("s", caller.subject()).setParameter("a", authority).getResultList();
        em.createNativeQuery("insert into inbox_reader (subject, authority, seen_cursor) select :s, :a,"
                + " coalesce(max(cursor), 0) from inbox_entry where authority = :a on conflict (subject, authority)"
                + " do update set seen_cursor = excluded.seen_cursor").setParameter("s", caller.subject())
                .setParameter("a", authority).executeUpdate();
        return before.isEmpty() ? 0 : ((Number) before.get(0)).longValue();
    }

    private static String owner(Caller caller) {
        return caller.authority().or(() -> caller.coordinator().map(c -> c.code()))
                .orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                        "The token names no active authority or coordinator; see GET /api/v1/me"));
    }

    @Transactional
    public InboxPage since(Caller caller, long after, int limit) {
        // an authority's inbox, or a coordinator's (the alerts that pass through it)
        String authority = caller.authority().or(() -> caller.coordinator().map(c -> c.code()))
                .orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                        "The token names no active authority or coordinator; see GET /api/v1/me"));
        List<InboxEntryView> entries = InboxEntry.<InboxEntry>find("authority = ?1 and cursor > ?2 order by cursor",
                authority, after).page(0, limit).list().stream()
                .map(e -> new InboxEntryView(e.cursor, e.caseType, e.caseId, e.eventId, e.eventType, e.state, e.at))
                .toList();
        return new InboxPage(entries, entries.isEmpty() ? after : entries.get(entries.size() - 1).cursor());
    }
}
