package eu.authorityhub.request;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.directory.DirectoryCache;
import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.security.AccessPolicy;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * Who may see a request and who may act on it: its parties act, coordinators of a party's member state read, and
 * anybody else gets the same answer as for a request that does not exist.
 */
@ApplicationScoped
class RequestAccess {

    private final AccessPolicy access;
    private final DirectoryCache directory;

    RequestAccess(AccessPolicy access, DirectoryCache directory) {
        this.access = access;
        this.directory = directory;
    }

    /** The request, once the caller is a party that may take {@code action} on it now. */
    InformationRequest acting(Caller caller, UUID id, Action action) {
        InformationRequest req = InformationRequest.findById(id);
        if (readable(caller, req) != Access.PARTY) {
            throw new HubException(ErrorCode.WRONG_PARTY, "Coordinators follow requests; the parties act on them");
        }
        req.check(action, caller.authority().orElseThrow());
        return req;
    }

    /** The caller's access to the request; a missing request and one it may not see answer the same. */
    Access readable(Caller caller, InformationRequest req) {
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

    /** The active authority the caller acts for; refused when the token names none. */
    AuthorityEntry actingAuthority(Caller caller) {
        return caller.authority().flatMap(directory::activeAuthority)
                .orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                        "The token names no active authority; see GET /api/v1/me"));
    }
}
