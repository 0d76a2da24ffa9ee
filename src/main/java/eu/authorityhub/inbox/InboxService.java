package eu.authorityhub.inbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.inbox.InboxPayloads.InboxEntryView;
import eu.authorityhub.inbox.InboxPayloads.InboxPage;
import eu.authorityhub.security.Caller;

/** An authority's inbox, read with a cursor: "everything since C". */
@ApplicationScoped
public class InboxService {

    /** The newest entries first, optionally of one case type (REQUEST, ALERT): what the inbox page shows. */
    @Transactional
    public List<InboxEntryView> latest(Caller caller, String caseType, int limit) {
        String authority = owner(caller);
        var query = caseType == null
                ? InboxEntry.<InboxEntry>find("authority = ?1 order by cursor desc", authority)
                : InboxEntry.<InboxEntry>find("authority = ?1 and caseType = ?2 order by cursor desc", authority,
                        caseType);
        return query.page(0, limit).list().stream()
                .map(e -> new InboxEntryView(e.cursor, e.caseType, e.caseId, e.eventId, e.eventType, e.state, e.at))
                .toList();
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
