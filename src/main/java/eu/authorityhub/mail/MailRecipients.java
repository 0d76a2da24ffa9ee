package eu.authorityhub.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;

/**
 * The people mails go to: registered (or updated) as they use the pages, with the address and language of their
 * sign-in, and their choice of immediate mails, a daily digest or none.
 */
@ApplicationScoped
public class MailRecipients {

    /** How often a person wants to be told. */
    public enum Frequency {
        IMMEDIATE,
        DAILY,
        NONE
    }

    private final EntityManager em;
    private final Clock clock;
    /** What was last recorded per person, so that an unchanged visit writes nothing. */
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    public MailRecipients(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records who uses the pages for which authority, at which address, in which language. */
    @Transactional
    public void seen(String subject, String authority, String email, String language) {
        String state = authority + "|" + email + "|" + language;
        if (state.equals(recorded.get(subject))) {
            return;
        }
        em.createNativeQuery("insert into mail_recipient (subject, authority, email, language, updated_at)"
                + " values (:s, :a, :e, :l, :t) on conflict (subject) do update set authority = excluded.authority,"
                + " email = excluded.email, language = excluded.language, updated_at = excluded.updated_at")
                .setParameter("s", subject).setParameter("a", authority).setParameter("e", email).setParameter("l",
                        language)
                .setParameter("t", OffsetDateTime.now(clock)).executeUpdate();
        recorded.put(subject, state);
    }

    /** Every address mails may go to (the dev mail page reads their mailboxes). */
    @Transactional
    public List<String> addresses() {
        return em.createNativeQuery("select email from mail_recipient where email is not null order by email",
                String.class).getResultList().stream().map(String::valueOf).toList();
    }

    @Transactional
    public Frequency frequency(String subject) {
        List<?> found = em.createNativeQuery("select frequency from mail_recipient where subject = :s")
                .setParameter("s", subject).getResultList();
        return found.isEmpty() ? Frequency.IMMEDIATE : Frequency.valueOf(String.valueOf(found.get(0)));
    }

    @Transactional
    public void choose(String subject, String frequency) {
        Frequency f;
        try {
            f = Frequency.valueOf(String.valueOf(frequency));
        } catch (IllegalArgumentException e) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Choose how often to be told", List.of(
                    new FieldError("frequency", "one of IMMEDIATE, DAILY, NONE")), Map.of());
        }
        int n = em.createNativeQuery("update mail_recipient set frequency = :f, updated_at = :t where subject = :s")
                .setParameter("f", f.name()).setParameter("t", OffsetDateTime.now(clock)).setParameter("s", subject)
                .executeUpdate();
        if (n == 0) {
            throw new HubException(ErrorCode.NOT_FOUND, "Open the inbox once before choosing");
        }
    }
}
