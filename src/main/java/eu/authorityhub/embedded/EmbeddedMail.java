package eu.authorityhub.embedded;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded default's mail server: a real SMTP server in-process that keeps every mail it is given (nothing leaves
 * the machine), with IMAP to read them back (the dev mail page, the tests). Each mailbox's login and password are its
 * address. Started once per JVM, in dev mode and tests only; the packaged hub does not contain it.
 */
public final class EmbeddedMail {

    public static final String IMAP_PORT = "hub.embedded.imap-port";

    private EmbeddedMail() {
    }

    /** Starts the server on the given ports (0: any free one); returns the hub's mailer settings. */
    public static Map<String, String> start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[]{setup(smtpPort, ServerSetup.PROTOCOL_SMTP), setup(imapPort,
                ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "embedded-mail-stop"));
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(mail.getSmtp()
                .getPort()), "quarkus.mailer.mock", "false", IMAP_PORT, String.valueOf(mail.getImap().getPort()));
    }

    /** A mail the server caught. */
    public record Caught(String to, String subject, String text, java.util.Date sent) {
    }

    /** The mails the embedded server holds for one address, oldest first (none when it has none). */
    public static java.util.List<Caught> read(int imapPort, String address) {
        java.util.Properties settings = new java.util.Properties();
        settings.put("mail.imap.connectiontimeout", "5000");
        settings.put("mail.imap.timeout", "5000");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(settings);
        try (jakarta.mail.Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            try {
                java.util.List<Caught> out = new java.util.ArrayList<>();
                for (jakarta.mail.Message m : inbox.getMessages()) {
                    out.add(new Caught(address, m.getSubject(), String.valueOf(m.getContent()), m.getSentDate()));
                }
                return out;
            } finally {
                inbox.close(false);
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return java.util.List.of(); // no mailbox yet: nothing was sent to the address
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("The embedded mail server could not be read", e);
        }
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    static boolean present() {
        try {
            Class.forName("com.icegreen.greenmail.util.GreenMail", false, EmbeddedMail.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
