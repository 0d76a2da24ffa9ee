package eu.authorityhub.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem;
import eu.authorityhub.directory.AuthorityPayloads.AuthorityCreatedEvent;
import eu.authorityhub.directory.AuthorityPayloads.AuthorityView;
import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;

/** Changes to the directory: each one commits with its event in the outbox. */
@ApplicationScoped
public class AuthorityService {

    static final String SOURCE = "/hub/directory";

    private final OutboxRecorder outbox;
    private final Clock clock;

    public AuthorityService(OutboxRecorder outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public AuthorityView create(CreateRequest request) {
        if (MemberState.findById(request.memberState()) == null) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "Not an EEA member state", List.of(
                    new Problem.FieldError("memberState", "unknown member state " + request.memberState())),
                    java.util.Map.of());
        }
        if (!request.code().startsWith(request.memberState() + "-")) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The code must start with the member state",
                    List.of(new Problem.FieldError("code", "must start with " + request.memberState() + "-")),
                    java.util.Map.of());
        }
        if (Authority.findByCode(request.code()) != null) {
            throw new HubException(ErrorCode.AUTHORITY_CODE_TAKEN, "Authority " + request.code() + " exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Authority a = new Authority();
        a.id = UUID.randomUUID();
        a.code = request.code();
        a.memberState = request.memberState();
        a.name = request.name().strip();
        a.alerts = request.alerts() == null ? AlertParticipation.NONE : request.alerts();
        a.active = true;
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        outbox.record(new OutgoingEvent(EventTypes.AUTHORITY_CREATED, a.code, SOURCE,
                new AuthorityCreatedEvent(a.code, a.memberState, a.name, a.alerts, a.active),
                List.of(Topics.DIRECTORY_EVENTS)));
        return AuthorityView.of(a);
    }

    @Transactional
    public AuthorityView get(String code) {
        Authority a = Authority.findByCode(code);
        if (a == null) {
            throw new HubException(ErrorCode.NOT_FOUND, "No authority " + code);
        }
        return AuthorityView.of(a);
    }

    @Transactional
    public List<AuthorityView> list(String memberState, int page, int size) {
        var query = memberState == null
                ? Authority.find("order by code")
                : Authority.find("memberState = ?1 order by code", memberState);
        return query.page(page, size).<Authority>list().stream().map(AuthorityView::of).toList();
    }
}
