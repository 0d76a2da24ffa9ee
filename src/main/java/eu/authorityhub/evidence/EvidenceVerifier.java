package eu.authorityhub.evidence;

import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import eu.authorityhub.evidence.EvidencePayloads.Verification;

/** Verifies a chain for the API, with this hub's checkpoint key (see {@link ChainWalker}). */
@ApplicationScoped
public class EvidenceVerifier {

    /** The access log's content goes 3 years after the access; a row emptied sooner was tampered with. */
    static final Period ACCESS_KEPT = Period.ofYears(3);

    private final EntityManager em;
    private final EvidenceKeys keys;

    EvidenceVerifier(EntityManager em, EvidenceKeys keys) {
        this.em = em;
        this.keys = keys;
    }

    @Transactional
    public Verification verify(String chainName) {
        Chain chain = Chain.named(chainName);
        return em.unwrap(Session.class).doReturningWork(c -> ChainWalker.walk(c, chain, (keyId, statement,
                signature) -> keys.keyId().equals(keyId) ? keys.verify(keyId, statement, signature) : null));
    }
}
