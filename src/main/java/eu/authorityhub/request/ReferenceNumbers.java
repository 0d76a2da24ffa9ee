package eu.authorityhub.request;

import java.time.Clock;
import java.time.LocalDate;

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
        long n = ((Number) em.createNativeQuery("select nextval('request_reference_seq')").getSingleResult())
                .longValue();
        return "REQ-" + LocalDate.now(clock).getYear() + "-" + String.format("%06d", n);
    }

    String partOf(InformationRequest original) {
        return original.reference + "-F" + (InformationRequest.count("forwardedFrom", original.id) + 1);
    }
}
