package eu.authorityhub.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.AuthorityPayloads.AuthorityChangedEvent;
import eu.authorityhub.directory.AuthorityPayloads.AuthorityDeactivatedEvent;
import eu.authorityhub.directory.AuthorityPayloads.AuthorityView;
import eu.authorityhub.directory.AuthorityPayloads.Contact;
import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.directory.AuthorityPayloads.Page;
import eu.authorityhub.directory.AuthorityPayloads.UpdateRequest;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;

/** The authority directory: every change commits with its event in the outbox. */
@ApplicationScoped
public class AuthorityService {

    static final String SOURCE = "/hub/directory";

    /** Sort keys of the search, mapped to columns (never concatenate user input into SQL). */
    private static final Map<String, String> SORTS = Map.of("code", "code", "name", "lower(name)", "memberState",
            "member_state");

    private final OutboxRecorder outbox;
    private final Clock clock;
    private final EntityManager em;
    private final DirectoryCache callers;

    public AuthorityService(OutboxRecorder outbox, Clock clock, EntityManager em, DirectoryCache callers) {
        this.callers = callers;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public AuthorityView create(CreateRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (MemberState.findById(r.memberState()) == null) {
            errors.add(new FieldError("memberState", "not an EEA member state: " + r.memberState()));
        } else if (!r.code().startsWith(r.memberState() + "-")) {
            errors.add(new FieldError("code", "must start with " + r.memberState() + "-"));
        }
        checkReferences(r.professions(), r.policyAreas(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (Authority.findByCode(r.code()) != null) {
            throw new HubException(ErrorCode.AUTHORITY_CODE_TAKEN, "Authority " + r.code() + " exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Authority a = new Authority();
        a.id = UUID.randomUUID();
        a.code = r.code();
        a.memberState = r.memberState();
        a.active = true;
        a.createdAt = now;
        apply(a, r.name(), r.alerts(), r.names(), r.workingLanguages(), r.professions(), r.policyAreas(),
                r.contact(), now);
        a.persist();
        callers.forget(a.code); // a caller may have named it before it existed
        outbox.record(event(EventTypes.AUTHORITY_CREATED, a, AuthorityChangedEvent.of(a)));
        return AuthorityView.of(a);
    }

    @Transactional
    public AuthorityView update(String code, UpdateRequest r) {
        Authority a = existing(code);
        if (a.version != r.version()) {
            throw new HubException(ErrorCode.CONCURRENT_MODIFICATION,
                    "Authority " + code + " is at version " + a.version + ", the change was based on " + r.version());
        }
        List<FieldError> errors = new ArrayList<>();
        checkReferences(r.professions(), r.policyAreas(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        apply(a, r.name(), r.alerts(), r.names(), r.workingLanguages(), r.professions(), r.policyAreas(),
                r.contact(), OffsetDateTime.now(clock));
        em.flush(); // bumps the version, and fails here if someone else committed meanwhile
        callers.forget(code);
        outbox.record(event(EventTypes.AUTHORITY_UPDATED, a, AuthorityChangedEvent.of(a)));
        return AuthorityView.of(a);
    }

    @Transactional
    public AuthorityView deactivate(String code) {
        Authority a = existing(code);
        if (!a.active) {
            return AuthorityView.of(a); // idempotent
        }
        a.active = false;
        a.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        callers.forget(code);
        outbox.record(event(EventTypes.AUTHORITY_DEACTIVATED, a, new AuthorityDeactivatedEvent(a.code,
                a.memberState)));
        return AuthorityView.of(a);
    }

    @Transactional
    public AuthorityView get(String code) {
        return AuthorityView.of(existing(code));
    }

    /**
     * The names of a member state's authorities in a language (their default name where they have none in it), by
     * code, in name order: one light query for lists that show many authorities.
     */
    @Transactional
    public Map<String, String> names(String memberState, String language) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, coalesce(names ->> :lang, name) from authority"
                + " where member_state = :ms order by 2, 1").setParameter("lang", language).setParameter("ms",
                        memberState)
                .getResultList();
        Map<String, String> names = new java.util.LinkedHashMap<>();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** Active authorities of a member state competent for a profession, sorted by name. */
    @Transactional
    public List<AuthorityView> competent(String profession, String memberState) {
        List<FieldError> errors = new ArrayList<>();
        if (Profession.findById(profession) == null) {
            errors.add(new FieldError("profession", "unknown profession " + profession));
        }
        if (MemberState.findById(memberState) == null) {
            errors.add(new FieldError("memberState", "not an EEA member state: " + memberState));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        @SuppressWarnings("unchecked")
        List<Authority> found = em.createNativeQuery("select * from authority where active and member_state = :ms"
                + " and :p = any(professions) order by lower(name), code", Authority.class)
                .setParameter("ms", memberState).setParameter("p", profession).getResultList();
        return found.stream().map(AuthorityView::of).toList();
    }

    /** Search with optional filters; name matches case-insensitively anywhere in the default or any other name. */
    @Transactional
    public Page search(String memberState, String profession, String policyArea, String name, Boolean active,
            String sort, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (memberState != null) {
            where.append(" and member_state = :ms");
            params.put("ms", memberState);
        }
        if (profession != null) {
            where.append(" and :p = any(professions)");
            params.put("p", profession);
        }
        if (policyArea != null) {
            where.append(" and :pa = any(policy_areas)");
            params.put("pa", policyArea);
        }
        if (name != null && !name.isBlank()) {
            where.append(" and (lower(name) like :n escape '\\' or lower(names::text) like :n escape '\\')");
            params.put("n", "%" + name.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (active != null) {
            where.append(" and active = :a");
            params.put("a", active);
        }
        String key = sort.startsWith("-") ? sort.substring(1) : sort;
        String order = " order by " + SORTS.get(key) + (sort.startsWith("-") ? " desc" : " asc") + ", code asc";
        var query = em.createNativeQuery("select * from authority" + where + order, Authority.class)
                .setFirstResult(page * size).setMaxResults(size);
        var count = em.createNativeQuery("select count(*) from authority" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<Authority> items = query.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new Page(items.stream().map(AuthorityView::of).toList(), page, size, total);
    }

    static boolean isSortKey(String sort) {
        return SORTS.containsKey(sort.startsWith("-") ? sort.substring(1) : sort);
    }

    private static void apply(Authority a, String name, AlertParticipation alerts, Map<String, String> names,
            List<String> languages, List<String> professions, List<String> areas, Contact contact,
            OffsetDateTime now) {
        a.name = name.strip();
        a.alerts = alerts == null ? AlertParticipation.NONE : alerts;
        a.names = names == null ? new HashMap<>() : new HashMap<>(names);
        a.workingLanguages = distinct(languages);
        a.professions = distinct(professions);
        a.policyAreas = distinct(areas);
        a.contactEmail = contact == null ? null : contact.email();
        a.contactPhone = contact == null ? null : contact.phone();
        a.website = contact == null ? null : contact.website();
        a.updatedAt = now;
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : new LinkedHashSet<>(values).toArray(String[]::new);
    }

    private static void checkReferences(List<String> professions, List<String> areas, List<FieldError> errors) {
        if (professions != null) {
            Set<String> known = Set.copyOf(Profession.<Profession>listAll().stream().map(p -> p.code).toList());
            for (int i = 0; i < professions.size(); i++) {
                if (!known.contains(professions.get(i))) {
                    errors.add(new FieldError("professions[" + i + "]", "unknown profession " + professions.get(i)));
                }
            }
        }
        if (areas != null) {
            for (int i = 0; i < areas.size(); i++) {
                if (PolicyArea.findById(areas.get(i)) == null) {
                    errors.add(new FieldError("policyAreas[" + i + "]", "unknown policy area " + areas.get(i)));
                }
            }
        }
    }

    private static Authority existing(String code) {
        Authority a = Authority.findByCode(code);
        if (a == null) {
            throw new HubException(ErrorCode.NOT_FOUND, "No authority " + code);
        }
        return a;
    }

    static HubException invalid(List<FieldError> errors) {
        return new HubException(ErrorCode.VALIDATION_FAILED, errors.size() + " invalid field(s)", errors, Map.of());
    }

    private static OutgoingEvent event(String type, Authority a, Object data) {
        return new OutgoingEvent(type, a.code, SOURCE, data, List.of(Topics.DIRECTORY_EVENTS));
    }
}
