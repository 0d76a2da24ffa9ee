package eu.authorityhub.inbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import eu.authorityhub.mail.MailQueue;

/**
 * The one way into the inbox: the request inbox builder and the alert fan-out both write through here, in their own
 * (consumer) transaction. One statement per call, whatever the number of addressees.
 */
@ApplicationScoped
public class InboxWriter {

    /** What an inbox entry points to. */
    public record Delivery(String caseType, UUID caseId, UUID eventId, String eventType, String state,
            OffsetDateTime at) {
    }

    private final EntityManager em;
    private final MailQueue mails;
    private final Clock clock;

    public InboxWriter(EntityManager em, MailQueue mails, Clock clock) {
        this.em = em;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * One entry per addressee (each once; an addressee that already holds this event is left as it is).
     *
     * @return the entries written
     */
    @Transactional(TxType.MANDATORY)
    public int add(Delivery d, Collection<String> addressees) {
        return addAll(List.of(new Addressed(d, addressees)));
    }

    /** A delivery and whom it is for. */
    public record Addressed(Delivery delivery, Collection<String> addressees) {
    }

    /**
     * The entries of many deliveries (a poll of the inbox consumer), in order, in one JDBC batch, and their mails in
     * another.
     *
     * @return the entries written
     */
    @Transactional(TxType.MANDATORY)
    public int addAll(List<Addressed> all) {
        List<Addressed> some = all.stream().filter(a -> !a.addressees().isEmpty()).toList();
        if (some.isEmpty()) {
            return 0;
        }
        em.flush(); // entries written through the entity model earlier in this transaction come first
        int written = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement p = c.prepareStatement("insert into inbox_entry (authority, case_id, case_type,"
                    + " event_id, event_type, state, at) select a, ?, ?, ?, ?, ?, ? from unnest(?) a"
                    + " on conflict (authority, event_id) do nothing")) {
                for (Addressed a : some) {
                    Delivery d = a.delivery();
                    p.setObject(1, d.caseId());
                    p.setString(2, d.caseType());
                    p.setObject(3, d.eventId());
                    p.setString(4, d.eventType());
                    p.setString(5, d.state());
                    p.setTimestamp(6, Timestamp.from(d.at().toInstant()));
                    p.setArray(7, c.createArrayOf("text", new LinkedHashSet<>(a.addressees()).toArray(
                            String[]::new)));
                    p.addBatch();
                }
                int total = 0;
                for (int count : p.executeBatch()) {
                    total += Math.max(count, 0);
                }
                return total;
            }
        });
        // the people of those authorities who want mails are told, once this transaction has committed
        mails.enqueueAll(some.stream().map(a -> new MailQueue.Notice(a.delivery().caseType(), a.delivery().caseId(),
                a.delivery().eventId(), a.delivery().eventType(), List.copyOf(new LinkedHashSet<>(a.addressees()))))
                .toList(), OffsetDateTime.now(clock));
        return written;
    }
}
