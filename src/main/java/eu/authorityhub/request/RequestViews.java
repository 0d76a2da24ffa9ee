package eu.authorityhub.request;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.directory.DirectoryCache;
import eu.authorityhub.request.RequestPayloads.AttachmentView;
import eu.authorityhub.request.RequestPayloads.QuestionView;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * What a caller sees of a request: questions in its language, and the professional concerned only for the parties
 * (coordinators follow the case, not the person).
 */
@ApplicationScoped
class RequestViews {

    private final QuestionCatalogue catalogue;
    private final DirectoryCache directory;

    RequestViews(QuestionCatalogue catalogue, DirectoryCache directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    RequestView of(InformationRequest r, Caller caller, Access access, String preferred) {
        String lang = language(caller, preferred);
        List<QuestionView> qs = r.questions.stream().map(q -> {
            QuestionCatalogue.Entry e = q.code() == null ? null : catalogue.get(q.code());
            return new QuestionView(q.position(), q.code(), e == null ? q.freeText() : e.text(lang), q.answerType(),
                    e == null ? List.of() : e.choices(), q.round(), q.answer(), q.answeredAt());
        }).toList();
        return new RequestView(r.id, r.reference, r.state, r.requester, r.responder, r.policyArea, r.procedure,
                r.profession, access == Access.PARTY ? r.professional : null, r.requesterLanguage, lang,
                r.requestedDueDate, r.proposedDueDate, r.agreedDueDate, qs, r.forwardedFrom, r.declineReason,
                r.createdAt, r.sentAt, r.acceptedAt, r.answeredAt, r.closedAt, r.version);
    }

    /** The view language: Accept-Language when the catalogue has it, else the caller authority's working language. */
    private String language(Caller caller, String preferred) {
        if (preferred != null && QuestionCatalogue.LANGUAGES.contains(preferred)) {
            return preferred;
        }
        return caller.authority().flatMap(directory::authority).flatMap(a -> a.workingLanguages().stream().filter(
                QuestionCatalogue.LANGUAGES::contains).findFirst()).orElse("en");
    }

    static AttachmentView attachment(Attachment a) {
        return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy,
                a.uploadedAt);
    }
}
