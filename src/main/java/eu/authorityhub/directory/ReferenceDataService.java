package eu.authorityhub.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.ReferencePayloads.CoordinatorCreatedEvent;
import eu.authorityhub.directory.ReferencePayloads.CoordinatorRequest;
import eu.authorityhub.directory.ReferencePayloads.CoordinatorView;
import eu.authorityhub.directory.ReferencePayloads.MemberStateView;
import eu.authorityhub.directory.ReferencePayloads.PolicyAreaView;
import eu.authorityhub.directory.ReferencePayloads.ProfessionView;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;

/** Member states, professions, policy areas (read-only reference data) and coordinators. */
@ApplicationScoped
public class ReferenceDataService {

    private final OutboxRecorder outbox;
    private final Clock clock;
    private final DirectoryCache callers;

    public ReferenceDataService(OutboxRecorder outbox, Clock clock, DirectoryCache callers) {
        this.callers = callers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public List<MemberStateView> memberStates() {
        return MemberState.<MemberState>listAll().stream().sorted((a, b) -> a.code.compareTo(b.code))
                .map(m -> new MemberStateView(m.code, m.name, Arrays.asList(m.languages), m.eu)).toList();
    }

    /** Professions with their name in the caller's language (English when that one is missing). */
    @Transactional
    public List<ProfessionView> professions(Locale locale, Boolean alertEligible) {
        return Profession.<Profession>listAll().stream().filter(p -> alertEligible == null
                || p.alertEligible == alertEligible).sorted((a, b) -> a.code.compareTo(b.code))
                .map(p -> new ProfessionView(p.code, localised(p.names, locale), p.names, p.sectoral, p.alertEligible,
                        p.educationOfMinors, p.isco, p.escoUri))
                .toList();
    }

    @Transactional
    public List<PolicyAreaView> policyAreas(Locale locale) {
        return PolicyArea.<PolicyArea>listAll().stream().sorted((a, b) -> a.code.compareTo(b.code))
                .map(p -> new PolicyAreaView(p.code, localised(p.names, locale), p.names)).toList();
    }

    @Transactional
    public List<CoordinatorView> coordinators(String memberState) {
        var query = memberState == null
                ? Coordinator.find("order by code")
                : Coordinator.find("memberState = ?1 order by code", memberState);
        return query.<Coordinator>list().stream().map(CoordinatorView::of).toList();
    }

    @Transactional
    public CoordinatorView createCoordinator(CoordinatorRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (MemberState.findById(r.memberState()) == null) {
            errors.add(new FieldError("memberState", "not an EEA member state: " + r.memberState()));
        }
        if ((r.kind() == Coordinator.Kind.POLICY_AREA) != (r.policyArea() != null)) {
            errors.add(new FieldError("policyArea", "required for POLICY_AREA coordinators and only for them"));
        } else if (r.policyArea() != null && PolicyArea.findById(r.policyArea()) == null) {
            errors.add(new FieldError("policyArea", "unknown policy area " + r.policyArea()));
        }
        if (!errors.isEmpty()) {
            throw AuthorityService.invalid(errors);
        }
        if (Coordinator.findByCode(r.code()) != null
                || eu.authorityhub.directory.Authority.findByCode(r.code()) != null) {
            throw new HubException(ErrorCode.AUTHORITY_CODE_TAKEN, "The code " + r.code() + " is taken");
        }
        Coordinator c = new Coordinator();
        c.id = UUID.randomUUID();
        c.code = r.code();
        c.kind = r.kind();
        c.memberState = r.memberState();
        c.policyArea = r.policyArea();
        c.name = r.name().strip();
        c.contactEmail = r.contactEmail();
        c.active = true;
        c.createdAt = OffsetDateTime.now(clock);
        c.persist();
        callers.forget(c.code); // a caller may have named it before it existed
        outbox.record(new OutgoingEvent(EventTypes.COORDINATOR_CREATED, c.code, AuthorityService.SOURCE,
                new CoordinatorCreatedEvent(c.code, c.kind, c.memberState, c.policyArea, c.name),
                List.of(Topics.DIRECTORY_EVENTS)));
        return CoordinatorView.of(c);
    }

    static String localised(Map<String, String> names, Locale locale) {
        String name = locale == null ? null : names.get(locale.getLanguage());
        return name != null ? name : names.getOrDefault("en", names.values().stream().findFirst().orElse(""));
    }
}
