package eu.authorityhub.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every API call reads of the directory (who the caller acts for, whether an addressee is active and competent,
 * in which state and languages), kept in memory for a short time. Reading the directory through Hibernate for each of
 * these was the largest single cost of a call in the exchange benchmark's profile. A change through this hub replica
 * forgets the entry at once; another replica's change is seen within the time to live
 * ({@code hub.security.caller-cache-ttl}, 5 s by default; 0 turns the cache off). Profession codes are reference
 * data, shipped by migration, and are read once.
 */
@ApplicationScoped
public class DirectoryCache {

    /** An authority as the request path sees it. */
    public record AuthorityEntry(String code, String memberState, boolean active, Set<String> professions,
            List<String> workingLanguages) {

        static AuthorityEntry of(Authority a) {
            return new AuthorityEntry(a.code, a.memberState, a.active, Set.of(a.professions), List.of(
                    a.workingLanguages));
        }
    }

    /** A coordinator as caller resolution sees it. */
    public record CoordinatorEntry(String code, Coordinator.Kind kind, String memberState, String policyArea) {
    }

    private record Cached<T>(Optional<T> value, long expiresAt) {
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached<AuthorityEntry>> authorities = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<CoordinatorEntry>> coordinators = new ConcurrentHashMap<>();
    private volatile Set<String> professions;

    public DirectoryCache(@ConfigProperty(name = "hub.security.caller-cache-ttl", defaultValue = "5S") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The authority with this code, active or not, if the directory knows it. */
    public Optional<AuthorityEntry> authority(String code) {
        return cached(authorities, code, c -> Optional.ofNullable(Authority.findByCode(c)).map(
                AuthorityEntry::of));
    }

    /** The active authority with this code, if any. */
    public Optional<AuthorityEntry> activeAuthority(String code) {
        return authority(code).filter(AuthorityEntry::active);
    }

    /** The active coordinator with this code, if any. */
    public Optional<CoordinatorEntry> activeCoordinator(String code) {
        return cached(coordinators, code, c -> Optional.ofNullable(Coordinator.findByCode(c)).filter(x -> x.active)
                .map(x -> new CoordinatorEntry(x.code, x.kind, x.memberState, x.policyArea)));
    }

    /** Whether the profession code is in the reference data. */
    public boolean professionExists(String code) {
        Set<String> known = professions;
        if (known == null) {
            known = Profession.<Profession>listAll().stream().map(p -> p.code).collect(Collectors
                    .toUnmodifiableSet());
            professions = known;
        }
        return known.contains(code);
    }

    /** Called by every change of an authority or coordinator (created, updated, deactivated). */
    public void forget(String code) {
        authorities.remove(code);
        coordinators.remove(code);
    }

    private <T> Optional<T> cached(ConcurrentHashMap<String, Cached<T>> map, String code,
            Function<String, Optional<T>> load) {
        if (ttlNanos <= 0) {
            return load.apply(code);
        }
        long now = System.nanoTime();
        Cached<T> hit = map.get(code);
        if (hit != null && now - hit.expiresAt() < 0) {
            return hit.value();
        }
        Optional<T> value = load.apply(code);
        if (map.size() > 10_000) {
            map.clear(); // bounded: codes come from tokens, which the hub does not choose
        }
        map.put(code, new Cached<>(value, now + ttlNanos));
        return value;
    }
}
