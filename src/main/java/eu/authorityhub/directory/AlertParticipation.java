package eu.authorityhub.directory;

/** Whether an authority takes part in professional alerts (Directive 2005/36/EC Article 56a). */
public enum AlertParticipation {
    NONE,
    SEND,
    RECEIVE,
    SEND_AND_RECEIVE
}
