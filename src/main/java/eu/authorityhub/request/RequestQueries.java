package eu.authorityhub.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.request.RequestPayloads.SummaryView;
import eu.authorityhub.request.RequestPayloads.TimelineView;
import eu.authorityhub.security.Caller;

/** Reading requests: one request, its timeline, and an authority's sent and received lists. */
@ApplicationScoped
public class RequestQueries {

    private final RequestAccess access;
    private final RequestViews views;

    RequestQueries(RequestAccess access, RequestViews views) {
        this.access = access;
        this.views = views;
    }

    @Transactional
    public RequestView get(Caller caller, UUID id, String lang) {
        InformationRequest req = InformationRequest.findById(id);
        return views.of(req, caller, access.readable(caller, req), lang);
    }

    /** Checks that the caller may read the request (404 otherwise), without reading anything of it. */
    @Transactional
    public void checkReadable(Caller caller, UUID id) {
        access.readable(caller, InformationRequest.findById(id));
    }

    @Transactional
    public List<TimelineView> timeline(Caller caller, UUID id) {
        InformationRequest req = InformationRequest.findById(id);
        access.readable(caller, req);
        boolean visible = views.personalDataVisible(req, caller); // details are free texts (reasons)
        List<TimelineView> steps = TimelineEntry.<TimelineEntry>find("requestId = ?1 order by seq", id).list()
                .stream().map(t -> new TimelineView(t.seq, t.action, t.authority, t.actor, t.at, visible
                        ? t.detail
                        : null))
                .toList();
        if (steps.stream().anyMatch(t -> t.detail() != null)) {
            views.read(req, java.util.EnumSet.of(eu.authorityhub.accesslog.DataKind.FREE_TEXT));
        }
        return steps;
    }

    /** The steps the caller's authority may take on the request now (none for coordinators and outsiders). */
    public List<RequestState.Action> available(Caller caller, RequestView r) {
        String me = caller.authority().orElse(null);
        RequestState.Side side = me == null
                ? null
                : me.equals(r.requester())
                        ? RequestState.Side.REQUESTER
                        : me.equals(r.responder()) ? RequestState.Side.RESPONDER : null;
        if (side == null) {
            return List.of();
        }
        return java.util.Arrays.stream(RequestState.Action.values()).filter(a -> (a.side() == side || a
                .side() == RequestState.Side.EITHER) && a.allowedFrom(r.state())).toList();
    }

    /** The caller's requests: sent (its authority asks) or received (its authority is asked). */
    @Transactional
    public List<SummaryView> list(Caller caller, String box, RequestState state, int page, int size) {
        return list(caller, box, state, false, page, size);
    }

    /** The list, newest change first, or (byDueDate) the earliest due date first. */
    @Transactional
    public List<SummaryView> list(Caller caller, String box, RequestState state, boolean byDueDate, int page,
            int size) {
        AuthorityEntry me = access.actingAuthority(caller);
        boolean received = "received".equals(box);
        StringBuilder q = new StringBuilder(received ? "responder = :me and state <> :draft" : "requester = :me");
        Map<String, Object> params = new HashMap<>(Map.of("me", me.code()));
        if (received) {
            params.put("draft", RequestState.DRAFT); // a draft is the requester's alone
        }
        if (state != null) {
            q.append(" and state = :state");
            params.put("state", state);
        }
        q.append(
                byDueDate ? " order by coalesce(agreedDueDate, requestedDueDate), id" : " order by updatedAt desc, id");
        return InformationRequest.<InformationRequest>find(q.toString(), params).page(page, size).list().stream()
                .map(r -> new SummaryView(r.id, r.reference, r.state, r.requester, r.responder, r.profession,
                        r.dueDate(), r.updatedAt))
                .toList();
    }
}
