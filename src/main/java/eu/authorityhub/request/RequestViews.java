package eu.authorityhub.request;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.accesslog.AccessLog;
import eu.authorityhub.accesslog.DataKind;
import eu.authorityhub.directory.DirectoryCache;
import eu.authorityhub.request.RequestPayloads.AttachmentView;
import eu.authorityhub.request.RequestPayloads.QuestionView;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.retention.PersonalDataDecisions;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * What a caller sees of a request: questions in its language, and the personal data (the professional, answers, free
 * texts, attachments' names and content) only for the parties (coordinators follow the case, not the person), and
 * only while they are not blocked or deleted (IMI Regulation Art. 14), unless a data-protection officer of the
 * caller's authority unblocked them for a while.
 */
@ApplicationScoped
class RequestViews {

    private final QuestionCatalogue catalogue;
    private final DirectoryCache directory;
    private final PersonalDataDecisions personalData;
    private final AccessLog accessLog;

    RequestViews(QuestionCatalogue catalogue, DirectoryCache directory, PersonalDataDecisions personalData,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.catalogue = catalogue;
        this.directory = directory;
        this.personalData = personalData;
    }

    /**
     * Whether the caller may see the request's free texts, answers and documents now: while the data are active, or
     * while they are unblocked for the caller's authority. The professional's identity is for the parties only.
     */
    boolean personalDataVisible(InformationRequest r, Caller caller) {
        return r.personalData == null || "ACTIVE".equals(r.personalData) || unblockedUntil(r, caller).isPresent();
    }

    private Optional<OffsetDateTime> unblockedUntil(InformationRequest r, Caller caller) {
        return "BLOCKED".equals(r.personalData) && caller.authority().isPresent()
                ? personalData.unblockedUntil(r.id, caller.authority().get())
                : Optional.empty();
    }

    RequestView of(InformationRequest r, Caller caller, Access access, String preferred) {
        String lang = language(caller, preferred);
        boolean visible = personalDataVisible(r, caller);
        // free texts may name the person: hidden with the rest, as are the answers (when each was given stays)
        List<QuestionView> qs = r.questions.stream().map(q -> {
            QuestionCatalogue.Entry e = q.code() == null ? null : catalogue.get(q.code());
            String text = e != null ? e.text(lang) : visible ? q.freeText() : null;
            return new QuestionView(q.position(), q.code(), text, q.answerType(), e == null
                    ? List.of()
                    : e
                            .choices(),
                    q.round(), visible ? q.answer() : null, q.answeredAt());
        }).toList();
        Set<DataKind> shown = EnumSet.noneOf(DataKind.class);
        if (visible && access == Access.PARTY && r.professional != null) {
            shown.add(DataKind.PROFESSIONAL);
        }
        if (qs.stream().anyMatch(q -> q.answer() != null && !q.answer().isNull())) {
            shown.add(DataKind.ANSWERS);
        }
        if (visible && (r.declineReason != null || r.questions.stream().anyMatch(q -> q.freeText() != null))) {
            shown.add(DataKind.FREE_TEXT);
        }
        read(r, shown);
        return new RequestView(r.id, r.reference, r.state, r.requester, r.responder, r.policyArea, r.procedure,
                r.profession, visible && access == Access.PARTY ? r.professional : null, r.requesterLanguage, lang,
                r.requestedDueDate, r.proposedDueDate, r.agreedDueDate, qs, r.forwardedFrom, visible
                        ? r.declineReason
                        : null,
                r.createdAt, r.sentAt, r.acceptedAt, r.answeredAt, r.closedAt, r.version, r.personalData == null
                        ? "ACTIVE"
                        : r.personalData,
                unblockedUntil(r, caller).orElse(null));
    }

    /** Reports what a view showed of the request's personal data to the access log. */
    void read(InformationRequest r, Set<DataKind> shown) {
        accessLog.read("REQUEST", r.id, r.state == eu.authorityhub.request.RequestState.DRAFT
                ? List.of(r.requester)
                : List.of(r.requester, r.responder), shown);
    }

    /** The view language: Accept-Language when the catalogue has it, else the caller authority's working language. */
    private String language(Caller caller, String preferred) {
        if (preferred != null && QuestionCatalogue.LANGUAGES.contains(preferred)) {
            return preferred;
        }
        return caller.authority().flatMap(directory::authority).flatMap(a -> a.workingLanguages().stream().filter(
                QuestionCatalogue.LANGUAGES::contains).findFirst()).orElse("en");
    }

    static AttachmentView attachment(Attachment a, boolean visible) {
        return new AttachmentView(a.id, visible ? a.fileName : null, a.contentType, a.sizeBytes, a.sha256,
                a.uploadedBy, a.uploadedAt);
    }
}
