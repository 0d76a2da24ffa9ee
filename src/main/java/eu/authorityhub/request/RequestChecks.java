package eu.authorityhub.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.DirectoryCache;
import eu.authorityhub.directory.DirectoryCache.AuthorityEntry;

/** The rules a request's input meets against the directory and the calendar: whom it may go to, and when it is due. */
@ApplicationScoped
class RequestChecks {

    private final DirectoryCache directory;
    private final Clock clock;

    RequestChecks(DirectoryCache directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** An active authority, not the requester, competent for the profession (refused otherwise, see docs). */
    AuthorityEntry addressable(String code, String profession, String requester, String field) {
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

    /** A due date after today. */
    void future(LocalDate date, String field) {
        if (!date.isAfter(LocalDate.now(clock))) {
            throw new HubException(ErrorCode.DUE_DATE_IN_PAST, field + " must be after today", List.of(
                    new FieldError(field, "not in the future")), Map.of());
        }
    }
}
