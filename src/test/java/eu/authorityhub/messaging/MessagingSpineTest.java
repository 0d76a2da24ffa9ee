package eu.authorityhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.journal.JournalEntry;
import eu.authorityhub.inbox.InboxEntry;
import eu.authorityhub.messaging.outbox.OutboxMessage;
import eu.authorityhub.messaging.outbox.OutboxRelay;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox, the relay and the idempotent consumer, on the real broker and database. */
@QuarkusTest
class MessagingSpineTest {

    @Inject
    AuthorityService authorities;
    @Inject
    OutboxRelay relay;
    @Inject
    CloudEventCodec codec;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    @Test
    void committedChangeIsPublishedAsCloudEventKeyedByCase() throws Exception {
        String code = Fixtures.authorityCode("NL");
        try (TopicProbe probe = new TopicProbe(Topics.DIRECTORY_EVENTS)) {
            authorities.create(new CreateRequest(code, "NL", "Test register", null));

            probe.until(r -> code.equals(r.key()));
            List<ConsumerRecord<String, String>> records = probe.withKey(code);
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            JsonNode ce = mapper.readTree(record.value());
            assertThat(ce.get("specversion").asText()).isEqualTo("1.0");
            assertThat(ce.get("type").asText()).isEqualTo(EventTypes.AUTHORITY_CREATED);
            assertThat(ce.get("subject").asText()).isEqualTo(code);
            assertThat(ce.get("data").get("memberState").asText()).isEqualTo("NL");
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String code = Fixtures.authorityCode("BE");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            authorities.create(new CreateRequest(code, "BE", "Rolled back", null));
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("eventKey", code))).isZero();

        try (TopicProbe probe = new TopicProbe(Topics.DIRECTORY_EVENTS)) {
            // the same key lands on the same partition after anything the rollback could have sent
            authorities.create(new CreateRequest(code, "BE", "Committed", null));
            probe.until(r -> code.equals(r.key()) && r.value().contains("Committed"));
            assertThat(probe.withKey(code)).hasSize(1);
        }
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() {
        String subject = Fixtures.authorityCode("DE");
        UUID duplicated = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String envelope = codec.encode(duplicated, event(subject, "first"), OffsetDateTime.now());
        String sentinel = "{not a cloud event: sentinel " + subject;

        try (TopicProbe dlq = new TopicProbe(Topics.DEAD_LETTER)) {
            TopicProbe.send(Topics.DIRECTORY_EVENTS, subject, envelope);
            TopicProbe.send(Topics.DIRECTORY_EVENTS, subject, envelope);
            // same key, same partition: once the marker is journalled, both copies have been consumed
            TopicProbe.send(Topics.DIRECTORY_EVENTS, subject, codec.encode(marker, event(subject, "marker"),
                    OffsetDateTime.now()));
            // and once an unreadable record sent after them is dead-lettered, a failed copy would be there too
            TopicProbe.send(Topics.DIRECTORY_EVENTS, subject, sentinel);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                    () -> JournalEntry.findById(marker) != null));
            dlq.until(r -> sentinel.equals(r.value()));
            // the second copy was recognised by the journal's key and skipped, not refused (no dead letter)
            assertThat(dlq.withKey(subject)).as("dead letters of this subject").extracting(r -> r.value())
                    .containsExactly(sentinel);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("subject", subject))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> JournalEntry.count("eventId", duplicated)))
                .isEqualTo(1);
        // the journal's own key keeps it idempotent: no claim of its own in the processed-event log
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*)"
                + " from processed_event where consumer = 'event-journal' and event_id = :e")
                .setParameter("e", duplicated).getSingleResult()).longValue())).isZero();
    }

    @Test
    void unreadableRecordGoesToDeadLetterAndDoesNotBlockThePartition() {
        String subject = Fixtures.authorityCode("FR");
        UUID marker = UUID.randomUUID();
        try (TopicProbe dlq = new TopicProbe(Topics.DEAD_LETTER)) {
            TopicProbe.send(Topics.DIRECTORY_EVENTS, subject, "{not a cloud event");
            TopicProbe.send(Topics.DIRECTORY_EVENTS, subject, codec.encode(marker, event(subject, "after"),
                    OffsetDateTime.now()));

            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> JournalEntry.findById(marker) != null));
            dlq.until(r -> subject.equals(r.key()));
            assertThat(dlq.withKey(subject)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{not a cloud event"));
        }
    }

    @Test
    void eventCommittedWhileRelayIsStoppedIsPublishedWhenItRunsAgain() {
        String code = Fixtures.authorityCode("AT");
        relay.pause();
        try {
            authorities.create(new CreateRequest(code, "AT", "Written while the relay is down", null));
            OutboxMessage pending = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMessage.<OutboxMessage>find("eventKey", code).singleResult());
            assertThat(pending.publishedAt).isNull();
        } finally {
            relay.resume();
        }
        try (TopicProbe probe = new TopicProbe(Topics.DIRECTORY_EVENTS)) {
            probe.until(r -> code.equals(r.key()));
            assertThat(probe.withKey(code)).hasSize(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>find("eventKey", code).singleResult().publishedAt != null));
    }

    @Test
    void theInboxTakesEachEventOfAPollOnceAndDeadLettersOnlyTheUnreadableOne() {
        String addressee = Fixtures.authorityCode("NL");
        UUID requestId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String key = requestId.toString();
        String junk = "{unreadable request step " + key;
        try (TopicProbe dlq = new TopicProbe(Topics.DEAD_LETTER)) {
            // one key, one partition, sent back to back: mostly one poll, applied set-wise (the duplicate inside it)
            TopicProbe.send(Topics.REQUEST_EVENTS, key, step(first, requestId, addressee));
            TopicProbe.send(Topics.REQUEST_EVENTS, key, step(first, requestId, addressee));
            TopicProbe.send(Topics.REQUEST_EVENTS, key, step(second, requestId, addressee));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inbox(addressee, second) == 1);
            // a poll with an unreadable record: applied a record at a time, the others kept, that one dead-lettered
            TopicProbe.send(Topics.REQUEST_EVENTS, key, step(second, requestId, addressee));
            TopicProbe.send(Topics.REQUEST_EVENTS, key, junk);
            TopicProbe.send(Topics.REQUEST_EVENTS, key, step(third, requestId, addressee));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inbox(addressee, third) == 1);
            // both consumers of the topic (inbox and journal) dead-letter it, each once
            dlq.until(r -> junk.equals(r.value()) && dlq.withKey(key).size() >= 2);
            assertThat(dlq.withKey(key)).extracting(r -> r.value()).containsExactly(junk, junk);
        }
        assertThat(inbox(addressee, first)).isEqualTo(1);
        assertThat(inbox(addressee, second)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> InboxEntry.count("authority", addressee)))
                .isEqualTo(3);
    }

    private static long inbox(String authority, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxEntry.count("authority = ?1 and eventId = ?2",
                authority, eventId));
    }

    private String step(UUID eventId, UUID requestId, String addressee) {
        return codec.encode(eventId, new OutgoingEvent(EventTypes.REQUEST_PREFIX + "send.v1", requestId.toString(),
                "/test", java.util.Map.of("requestId", requestId.toString(), "state", "SENT", "addressees", List.of(
                        addressee)),
                List.of(Topics.REQUEST_EVENTS)), OffsetDateTime.now());
    }

    private static OutgoingEvent event(String subject, String name) {
        return new OutgoingEvent(EventTypes.AUTHORITY_UPDATED, subject, "/test",
                java.util.Map.of("code", subject, "name", name), List.of(Topics.DIRECTORY_EVENTS));
    }
}
