package eu.authorityhub.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.authorityhub.embedded.EmbeddedMail;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The tests' mail server: the embedded default's real SMTP server, one per test JVM, on free ports. Tests read a
 * person's mailbox with {@link #mailbox}.
 */
public final class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final String STARTED = "hub.tests.mail";

    @Override
    public synchronized Map<String, String> start() {
        if (System.getProperty(STARTED) == null) {
            Map<String, String> config = EmbeddedMail.start(0, 0);
            config.forEach(System::setProperty);
            System.setProperty(STARTED, String.join(",", config.keySet()));
        }
        Map<String, String> config = new HashMap<>();
        for (String key : System.getProperty(STARTED).split(",")) {
            config.put(key, System.getProperty(key));
        }
        return config;
    }

    @Override
    public void stop() {
        // one server per JVM, shared by every test run in it; it stops with the JVM
    }

    /** The mails caught for an address, oldest first. */
    public static List<EmbeddedMail.Caught> mailbox(String address) {
        return EmbeddedMail.read(Integer.parseInt(System.getProperty(EmbeddedMail.IMAP_PORT)), address);
    }
}
