package eu.authorityhub.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.request.InformationRequest.Question;
import eu.authorityhub.request.RequestPayloads.AnswerItem;

/** Checks each answer against its question's answer type; the first one that does not fit is refused. */
@ApplicationScoped
class AnswerValidator {

    private static final int MAX_TEXT = 10_000;

    private final QuestionCatalogue catalogue;

    AnswerValidator(QuestionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void check(InformationRequest req, List<AnswerItem> answers) {
        for (int i = 0; i < answers.size(); i++) {
            AnswerItem a = answers.get(i);
            int idx = a.position() - 1;
            if (idx < 0 || idx >= req.questions.size()) {
                throw invalid(i, "no question at position " + a.position());
            }
            String problem = problem(req.questions.get(idx), a.value(), req.id);
            if (problem != null) {
                throw invalid(i, problem);
            }
        }
    }

    private String problem(Question q, JsonNode v, UUID requestId) {
        return switch (q.answerType()) {
            case "YES_NO" -> v.isBoolean() ? null : "expects true or false";
            case "DATE" -> {
                try {
                    LocalDate.parse(v.asText());
                    yield v.isTextual() ? null : "expects an ISO date";
                } catch (DateTimeParseException e) {
                    yield "expects an ISO date (yyyy-mm-dd)";
                }
            }
            case "TEXT" -> v.isTextual() && !v.asText().isBlank() && v.asText().length() <= MAX_TEXT
                    ? null
                    : "expects text of 1 to " + MAX_TEXT + " characters";
            case "CHOICE" -> v.isTextual() && catalogue.get(q.code()).choices().contains(v.asText())
                    ? null
                    : "expects one of " + catalogue.get(q.code()).choices();
            case "ATTACHMENT" -> attachmentOf(v, requestId) ? null : "expects the id of an attachment of this request";
            default -> "unknown answer type";
        };
    }

    private static boolean attachmentOf(JsonNode v, UUID requestId) {
        try {
            Attachment a = v.isTextual() ? Attachment.findById(UUID.fromString(v.asText())) : null;
            return a != null && a.requestId.equals(requestId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HubException invalid(int index, String message) {
        return new HubException(ErrorCode.INVALID_ANSWER, message, List.of(new FieldError("answers[" + index + "]",
                message)), Map.of());
    }
}
