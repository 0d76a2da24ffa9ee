package eu.authorityhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.MailServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mail notices against the real SMTP server: one mail per event and person however often the event arrives, a digest
 * once a day for those who chose it, nothing for those who chose none.
 */
@QuarkusTest
class MailNoticeTest {

    @Inject
    MailQueue queue;
    @Inject
    MailRecipients recipients;
    @Inject
    MailSender sender;
    @Inject
    EntityManager em;

    /**
     * The notices other tests queued and not yet sent are set aside, so that a run of the sender
     * here reaches this test's mails whatever ran before (the sender takes the oldest first, 200 a run).
     */
    @BeforeEach
    void earlierTestsMailsSetAside() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update mail_outbox set failed_at = now(),"
                + " last_error = 'set aside by MailNoticeTest' where sent_at is null and failed_at is null")
                .executeUpdate());
    }

    @Test
    void anEventArrivingTwiceIsMailedOnce() {
        String authority = "NL-M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String person = "mail-" + UUID.randomUUID();
        recipients.seen(person, authority, person + "@users.hub.test", "de");
        UUID event = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) { // Kafka delivers at least once
            QuarkusTransaction.requiringNew().run(() -> queue.enqueue("ALERT", caseId, event,
                    "eu.authorityhub.alert.broadcast.v1", List.of(authority), OffsetDateTime.now()));
        }
        sender.sendDue();
        sender.sendDue();
        // the sender's own schedule may have claimed the mail first: wait for it, then see that no second one came
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !MailServer.mailbox(person
                + "@users.hub.test").isEmpty());
        sender.sendDue();
        List<eu.authorityhub.embedded.EmbeddedMail.Caught> mails = MailServer.mailbox(person + "@users.hub.test");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).text()).contains("Warnmeldung", "/app/alerts/" + caseId);
    }

    @Test
    void aDigestWaitsForItsHourAndNoneMeansNone() {
        String authority = "NL-M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String daily = "daily-" + UUID.randomUUID();
        String never = "never-" + UUID.randomUUID();
        recipients.seen(daily, authority, daily + "@users.hub.test", "en");
        recipients.seen(never, authority, never + "@users.hub.test", "en");
        recipients.choose(daily, "DAILY");
        recipients.choose(never, "NONE");
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue("REQUEST", UUID.randomUUID(), UUID.randomUUID(),
                "eu.authorityhub.request.send.v1", List.of(authority), OffsetDateTime.now()));
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue("REQUEST", UUID.randomUUID(), UUID.randomUUID(),
                "eu.authorityhub.deadline.overdue.v1", List.of(authority), OffsetDateTime.now()));
        sender.sendDue();
        assertThat(MailServer.mailbox(daily + "@users.hub.test")).isEmpty();
        assertThat(rows(never)).isZero();
        assertThat(rows(daily)).isEqualTo(2);
        // the digest hour comes: one mail with both
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update mail_outbox set due_at = now()"
                + " where recipient = :r").setParameter("r", daily).executeUpdate());
        sender.sendDue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !MailServer.mailbox(daily
                + "@users.hub.test").isEmpty());
        List<eu.authorityhub.embedded.EmbeddedMail.Caught> mails = MailServer.mailbox(daily + "@users.hub.test");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Authority hub: 2 updates for your authority");
        assertThat(mails.get(0).text()).contains("Request ", "Deadline notice on request ");
    }

    @Test
    void theDigestHourIsTheNextOne() {
        OffsetDateTime morning = OffsetDateTime.of(2026, 11, 29, 6, 0, 0, 0, ZoneOffset.UTC);
        assertThat(MailQueue.nextDigest(morning, 7)).isEqualTo(morning.withHour(7));
        assertThat(MailQueue.nextDigest(morning.withHour(9), 7)).isEqualTo(morning.withHour(7).plusDays(1));
    }

    private long rows(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from mail_outbox where recipient = :r").setParameter("r", recipient)
                .getSingleResult()).longValue());
    }
}
