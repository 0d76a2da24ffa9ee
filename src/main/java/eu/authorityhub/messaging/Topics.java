package eu.authorityhub.messaging;

import java.util.Locale;

/** Topic names; their partitions and configs are defined in {@code kafka/topics.json}. */
public final class Topics {

    public static final String DIRECTORY_EVENTS = "hub.directory.events";
    public static final String REQUEST_EVENTS = "hub.request.events";
    public static final String ALERT_EVENTS = "hub.alert.events";
    public static final String DEADLINE_EVENTS = "hub.deadline.events";
    public static final String WEBHOOK_EVENTS = "hub.webhook.events";
    public static final String DEAD_LETTER = "hub.dead-letter";

    private Topics() {
    }

    /** The topic that carries what is addressed to the authorities of one member state (ISO 3166 alpha-2). */
    public static String memberState(String countryCode) {
        return "hub.ms." + countryCode.toLowerCase(Locale.ROOT);
    }
}
