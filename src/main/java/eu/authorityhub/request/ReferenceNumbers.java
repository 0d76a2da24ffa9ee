package eu.authorityhub.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Requests' reference numbers: REQ-year-number from a database sequence for a new request, the original's reference
 * with -F1, -F2, ... for the parts forwarded from it.
 */
@ApplicationScoped
class ReferenceNumbers {

    private final EntityManager em;
    private final Clock clock;

    ReferenceNumbers(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    String next() {
        return next(1).get(0);
    }

    /** {@code count} new references in one round trip. */
    List<String> next(int count) {
        List<?> numbers = em.createNativeQuery("select nextval('request_reference_seq') from generate_series(1, :n)")
                .setParameter("n", count).getResultList();
        int year = LocalDate.now(clock).getYear();
        return numbers.stream().map(n -> "REQ-" + year + "-" + String.format("%06d", ((Number) n).longValue()))
                .toList();
    }

    String partOf(InformationRequest original) {
        return original.reference + "-F" + (InformationRequest.count("forwardedFrom", original.id) + 1);
    }
}
