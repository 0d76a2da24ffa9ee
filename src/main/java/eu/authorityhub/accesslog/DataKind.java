package eu.authorityhub.accesslog;

/** The kinds of personal data a read showed. */
public enum DataKind {
    /** Name, birth date, identifiers of the professional. */
    PROFESSIONAL,
    /** Answers to questions. */
    ANSWERS,
    /** Free texts: questions in the requester's words, reasons, timeline details. */
    FREE_TEXT,
    /** Names of attached documents. */
    DOCUMENT_NAMES,
    /** A document's content. */
    DOCUMENT
}
