package eu.authorityhub.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail notices (docs/pages.md). */
@ConfigMapping(prefix = "hub.mail")
public interface MailConfig {

    /** Whether notices are mailed at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often the sender looks for due mails (a scheduler interval such as 10s). */
    @WithDefault("10s")
    String every();

    /** The pages' address as users reach it: the base of the links in the mails. */
    @WithDefault("http://localhost:8080")
    String linkBase();

    /** Hour of the day (UTC) at which daily digests go out. */
    @WithDefault("7")
    int digestHour();

    /** Attempts before a mail is given up (each later than the one before). */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; doubled after every failed attempt. */
    @WithDefault("30S")
    Duration retryDelay();

    /** At most this many mails per run of the sender. */
    @WithDefault("200")
    int batch();
}
