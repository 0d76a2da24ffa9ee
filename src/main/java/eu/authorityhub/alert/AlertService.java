package eu.authorityhub.alert;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.alert.AlertPayloads.AlertEvent;
import eu.authorityhub.alert.AlertPayloads.AlertView;
import eu.authorityhub.alert.AlertPayloads.BroadcastRequest;
import eu.authorityhub.alert.AlertPayloads.InformedRequest;
import eu.authorityhub.alert.AlertPayloads.ReceiptStatus;
import eu.authorityhub.alert.AlertPayloads.ReceiptsView;
import eu.authorityhub.alert.AlertPayloads.RecipientView;
import eu.authorityhub.alert.AlertPayloads.Scope;
import eu.authorityhub.alert.AlertPayloads.UpdateRequest;
import eu.authorityhub.accesslog.AccessLog;
import eu.authorityhub.accesslog.DataKind;
import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.AlertParticipation;
import eu.authorityhub.directory.Authority;
import eu.authorityhub.directory.Profession;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;
import eu.authorityhub.retention.RetentionService;
import eu.authorityhub.security.AccessPolicy;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * Professional alerts: broadcast to the competent authorities of every other member state (through incoming-alert
 * coordinators where a state has one), update, withdrawal, expiry, receipts. Every change commits with its event.
 */
@ApplicationScoped
public class AlertService {

    static final String SOURCE = "/hub/alerts";
    /** Alerts must go out within 3 days of the decision (Article 56a(3)). */
    static final int BROADCAST_DAYS = 3;
    /** Words that state reasons, in the hub's languages; an alert carries none. */
    private static final Pattern REASONS = Pattern.compile("(?iu)\\b(because|due to|reason|reasons|as a result of"
            + "|owing to|on account of|caused by|parce que|en raison|à cause|motif|weil|wegen|aufgrund|grund"
            + "|omdat|vanwege|wegens|reden|ponieważ|z powodu)\\b");

    private final OutboxRecorder outbox;
    private final AccessPolicy access;
    private final Clock clock;
    private final EntityManager em;

    private final AccessLog accessLog;
    private final RetentionService retention;

    public AlertService(OutboxRecorder outbox, AccessPolicy access, Clock clock, EntityManager em,
            AccessLog accessLog, RetentionService retention) {
        this.accessLog = accessLog;
        this.retention = retention;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public AlertView broadcast(Caller caller, BroadcastRequest r) {
        Authority issuer = caller.authority().map(Authority::findByCode).filter(a -> a.active).orElseThrow(
                () -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY, "The token names no active authority"));
        Profession profession = Profession.findById(r.profession());
        if (profession == null) {
            throw invalid(ErrorCode.VALIDATION_FAILED, "profession", "unknown profession " + r.profession());
        }
        if (!profession.alertEligible) {
            throw invalid(ErrorCode.PROFESSION_NOT_ALERT_ELIGIBLE, "profession", r.profession()
                    + " is not subject to alerts");
        }
        if (!Arrays.asList(issuer.professions).contains(r.profession()) || !(issuer.alerts == AlertParticipation.SEND
                || issuer.alerts == AlertParticipation.SEND_AND_RECEIVE)) {
            throw invalid(ErrorCode.ISSUER_NOT_COMPETENT, "profession", issuer.code + " does not send alerts for "
                    + r.profession());
        }
        checkContent(r.type(), r.scope(), r.restriction(), r.specialty(), r.periodFrom(), r.periodUntil());
        checkNoReasons("decidingBody", r.decidingBody());
        LocalDate today = LocalDate.now(clock);
        if (r.decisionDate().isAfter(today)) {
            throw invalid(ErrorCode.VALIDATION_FAILED, "decisionDate", "is in the future");
        }
        String key = professionalKey(r.professional());
        Alert existing = Alert.find("issuer = ?1 and professionalKey = ?2 and profession = ?3 and decisionDate = ?4"
                + " and state = ?5", issuer.code, key, r.profession(), r.decisionDate(), Alert.State.ACTIVE)
                .firstResult();
        if (existing != null) {
            throw new HubException(ErrorCode.DUPLICATE_ALERT, "Alert " + existing.reference + " (" + existing.id
                    + ") covers this decision; update it instead", List.of(),
                    Map.of("Link",
                            "</api/v1/alerts/" + existing.id + ">; rel=\"existing\""));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Alert a = new Alert();
        a.id = UUID.randomUUID();
        a.reference = "ALR-" + now.getYear() + "-" + String.format("%06d", ((Number) em.createNativeQuery(
                "select nextval('alert_reference_seq')").getSingleResult()).longValue());
        a.issuer = issuer.code;
        a.issuerState = issuer.memberState;
        a.profession = r.profession();
        a.specialty = blankToNull(r.specialty());
        a.type = r.type();
        a.scope = r.scope();
        a.restriction = blankToNull(r.restriction());
        a.decidingBody = r.decidingBody().strip();
        a.decisionDate = r.decisionDate();
        a.periodFrom = r.periodFrom();
        a.periodUntil = r.periodUntil();
        a.professional = r.professional();
        a.professionalKey = key;
        a.state = Alert.State.ACTIVE;
        a.broadcastAt = now;
        a.late = now.isAfter(r.decisionDate().plusDays(BROADCAST_DAYS + 1L).atStartOfDay().atOffset(ZoneOffset.UTC));
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        em.flush();
        // recipients: competent authorities of every other member state that receive alerts, each routed through
        // its state's incoming-alert coordinator when there is one
        em.createNativeQuery("insert into alert_recipient (alert_id, authority, member_state, via_coordinator)"
                + " select :id, a.code, a.member_state, (select c.code from coordinator c where c.member_state ="
                + " a.member_state and c.kind = 'ALERT_INCOMING' and c.active order by c.code limit 1)"
                + " from authority a where a.active and :p = any(a.professions) and a.member_state <> :s"
                + " and a.alerts in ('RECEIVE', 'SEND_AND_RECEIVE')").setParameter("id", a.id)
                .setParameter("p", a.profession).setParameter("s", a.issuerState).executeUpdate();
        record(a, "broadcast", null);
        return view(a, Access.PARTY);
    }

    @Transactional
    public AlertView update(Caller caller, UUID id, UpdateRequest r) {
        Alert a = issued(caller, id);
        a.requireActive("update");
        checkContent(a.type, r.scope(), r.restriction(), r.specialty(), r.periodFrom(), r.periodUntil());
        a.scope = r.scope();
        a.restriction = blankToNull(r.restriction());
        a.specialty = blankToNull(r.specialty());
        a.periodFrom = r.periodFrom();
        a.periodUntil = r.periodUntil();
        a.updatedAt = OffsetDateTime.now(clock);
        record(a, "updated", a.id);
        return view(a, Access.PARTY);
    }

    @Transactional
    public AlertView withdraw(Caller caller, UUID id) {
        Alert a = issued(caller, id);
        a.requireActive("withdrawal");
        a.end(Alert.State.WITHDRAWN, OffsetDateTime.now(clock));
        retention.alertEnded(a.id, a.endedAt);
        record(a, "withdrawn", a.id);
        return view(a, Access.PARTY);
    }

    /** Ends every active alert whose period is over (today is after its last day). */
    @Transactional
    public int expireDue(int limit) {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Alert> due = em.createNativeQuery("select * from alert where state = 'ACTIVE' and period_until < :today"
                + " order by period_until limit :n for update skip locked", Alert.class).setParameter("today", today)
                .setParameter("n", limit).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Alert a : due) {
            a.end(Alert.State.EXPIRED, now);
            retention.alertEnded(a.id, now);
            record(a, "expired", a.id);
        }
        return due.size();
    }

    @Transactional
    public AlertView informed(Caller caller, UUID id, InformedRequest r) {
        Alert a = issued(caller, id);
        if (r.informedOn().isAfter(LocalDate.now(clock))) {
            throw invalid(ErrorCode.VALIDATION_FAILED, "informedOn", "is in the future");
        }
        a.professionalInformedOn = r.informedOn();
        a.professionalInformedMeans = r.means();
        a.updatedAt = OffsetDateTime.now(clock);
        return view(a, Access.PARTY);
    }

    @Transactional
    public void receipt(Caller caller, UUID id, ReceiptStatus status) {
        Alert a = Alert.findById(id);
        String me = caller.authority().orElse("");
        if (a == null || !isRecipient(id, me)) {
            throw AccessPolicy.notFound("such alert");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("update alert_recipient set received_at = coalesce(received_at, :t)"
                + (status == ReceiptStatus.READ ? ", read_at = coalesce(read_at, :t)" : "")
                + " where alert_id = :id and authority = :me").setParameter("t", now).setParameter("id", id)
                .setParameter("me", me).executeUpdate();
    }

    @Transactional
    public AlertView get(Caller caller, UUID id) {
        Alert a = Alert.findById(id);
        return view(a, readable(caller, a));
    }

    @Transactional
    public ReceiptsView receipts(Caller caller, UUID id) {
        Alert a = issued(caller, id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select authority, member_state, via_coordinator, routed_at,"
                + " coordinator_passed_at, received_at, read_at from alert_recipient where alert_id = :id"
                + " order by member_state, authority").setParameter("id", a.id).getResultList();
        List<RecipientView> items = rows.stream().map(r -> new RecipientView((String) r[0], (String) r[1],
                (String) r[2], time(r[3]), time(r[4]), time(r[5]), time(r[6]))).toList();
        return new ReceiptsView(items.size(), (int) items.stream().filter(i -> i.receivedAt() != null).count(),
                (int) items.stream().filter(i -> i.readAt() != null).count(), items);
    }

    /** The caller's own receipt of an alert it received, or empty when it is not a recipient. */
    @Transactional
    public java.util.Optional<RecipientView> ownReceipt(Caller caller, UUID id) {
        String me = caller.authority().orElse("");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select authority, member_state, via_coordinator, routed_at,"
                + " coordinator_passed_at, received_at, read_at from alert_recipient where alert_id = :id and"
                + " authority = :me").setParameter("id", id).setParameter("me", me).getResultList();
        return rows.stream().findFirst().map(r -> new RecipientView((String) r[0], (String) r[1], (String) r[2],
                time(r[3]), time(r[4]), time(r[5]), time(r[6])));
    }

    /** Alerts received by the caller's authority, filtered; each with its one-line summary. */
    @Transactional
    public List<AlertView> received(Caller caller, String profession, String memberState, AlertPayloads.AlertType type,
            Alert.State state, LocalDate from, LocalDate to, int page, int size) {
        String me = caller.authority().orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                "The token names no active authority"));
        StringBuilder q = new StringBuilder("select a.* from alert a join alert_recipient r on r.alert_id = a.id"
                + " where r.authority = :me");
        Map<String, Object> p = new HashMap<>(Map.of("me", me));
        filter(q, p, "a.profession = :p", "p", profession);
        filter(q, p, "a.issuer_state = :ms", "ms", memberState);
        filter(q, p, "a.alert_type = :t", "t", type == null ? null : type.name());
        filter(q, p, "a.state = :st", "st", state == null ? null : state.name());
        filter(q, p, "a.broadcast_at >= :from", "from", from == null
                ? null
                : from.atStartOfDay().atOffset(
                        ZoneOffset.UTC));
        filter(q, p, "a.broadcast_at < :to", "to", to == null
                ? null
                : to.plusDays(1).atStartOfDay().atOffset(
                        ZoneOffset.UTC));
        q.append(" order by a.broadcast_at desc, a.id");
        var query = em.createNativeQuery(q.toString(), Alert.class).setFirstResult(page * size).setMaxResults(size);
        p.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Alert> found = query.getResultList();
        return found.stream().map(a -> view(a, Access.PARTY)).toList();
    }

    /** Alerts the caller's authority issued; optionally only those where informing the professional is not recorded. */
    @Transactional
    public List<AlertView> sent(Caller caller, boolean uninformedOnly, int page, int size) {
        String me = caller.authority().orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                "The token names no active authority"));
        var q = uninformedOnly
                ? Alert.find("issuer = ?1 and professionalInformedOn is null order by broadcastAt desc",
                        me)
                : Alert.find("issuer = ?1 order by broadcastAt desc", me);
        return q.page(page, size).<Alert>list().stream().map(a -> view(a, Access.PARTY)).toList();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Alert issued(Caller caller, UUID id) {
        Alert a = Alert.findById(id);
        Access access = readable(caller, a);
        if (access != Access.PARTY || !a.issuer.equals(caller.authority().orElse(""))) {
            if (access == Access.NONE) {
                throw AccessPolicy.notFound("such alert");
            }
            throw new HubException(ErrorCode.WRONG_PARTY, "Only the issuing authority changes an alert");
        }
        return a;
    }

    private Access readable(Caller caller, Alert a) {
        if (a == null) {
            throw AccessPolicy.notFound("such alert");
        }
        String me = caller.authority().orElse("");
        Set<String> parties = me.equals(a.issuer) || isRecipient(a.id, me) ? Set.of(me) : Set.of();
        @SuppressWarnings("unchecked")
        List<String> states = em.createNativeQuery("select distinct member_state from alert_recipient where alert_id"
                + " = :id").setParameter("id", a.id).getResultList().stream().map(String::valueOf).toList();
        return access.require(caller, new AccessPolicy.Parties(parties, Set.copyOf(states), "PQ"), "such alert");
    }

    private boolean isRecipient(UUID id, String authority) {
        return ((Number) em.createNativeQuery("select count(*) from alert_recipient where alert_id = :id and"
                + " authority = :a").setParameter("id", id).setParameter("a", authority).getSingleResult())
                .longValue() > 0;
    }

    private void record(Alert a, String action, UUID references) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<String> states = em.createNativeQuery("select distinct member_state from alert_recipient where alert_id"
                + " = :id order by 1").setParameter("id", a.id).getResultList().stream().map(String::valueOf)
                .toList();
        Set<String> topics = new LinkedHashSet<>();
        topics.add(Topics.ALERT_EVENTS);
        states.forEach(s -> topics.add(Topics.memberState(s)));
        outbox.record(new OutgoingEvent(EventTypes.ALERT_PREFIX + action + ".v1", a.id.toString(), SOURCE,
                new AlertEvent(a.id, a.reference, action, a.state, a.issuer, a.issuerState, a.profession, a.specialty,
                        a.type, a.scope, a.periodFrom, a.periodUntil, a.late, references, states, a.version),
                List.copyOf(topics)));
    }

    private AlertView view(Alert a, Access access) {
        Profession p = Profession.findById(a.profession);
        String name = p == null ? a.profession : p.names.getOrDefault("en", a.profession);
        if (access == Access.COORDINATOR) { // coordinators see profession and scope only (and the 3-day flag)
            return new AlertView(a.id, a.reference, name + " - " + a.scope, null, null, a.profession, null, null,
                    a.scope, null, null, null, null, null, null, a.state, null, a.late, null, null, a.version);
        }
        // once the alert ended, its personal data are no longer shown (the retention engine removes them)
        AlertPayloads.Professional professional = a.state == Alert.State.ACTIVE ? a.professional : null;
        java.util.Set<DataKind> shown = java.util.EnumSet.noneOf(DataKind.class);
        if (professional != null) {
            shown.add(DataKind.PROFESSIONAL);
        }
        if (a.restriction != null) {
            shown.add(DataKind.FREE_TEXT);
        }
        accessLog.read("ALERT", a.id, List.of(a.issuer), shown);
        return new AlertView(a.id, a.reference, a.summary(name), a.issuer, a.issuerState, a.profession, a.specialty,
                a.type, a.scope, a.restriction, a.decidingBody, a.decisionDate, a.periodFrom, a.periodUntil,
                professional, a.state, a.broadcastAt, a.late, a.professionalInformedOn,
                a.professionalInformedMeans, a.version);
    }

    private static void checkContent(AlertPayloads.AlertType type, Scope scope, String restriction,
            String specialty, LocalDate from, LocalDate until) {
        if (until != null && until.isBefore(from)) {
            throw invalid(ErrorCode.PERIOD_INVALID, "periodUntil", "is before periodFrom");
        }
        boolean falsified = type == AlertPayloads.AlertType.FALSIFIED_QUALIFICATION;
        if (falsified != (scope == Scope.NOT_APPLICABLE)) {
            throw invalid(ErrorCode.VALIDATION_FAILED, "scope", falsified
                    ? "is NOT_APPLICABLE for falsified"
                            + " qualifications"
                    : "is FULL_PROHIBITION or PARTIAL_RESTRICTION");
        }
        if ((scope == Scope.PARTIAL_RESTRICTION) == (restriction == null || restriction.isBlank())) {
            throw invalid(ErrorCode.VALIDATION_FAILED, "restriction", "is required for a partial restriction and"
                    + " only for it");
        }
        checkNoReasons("restriction", restriction);
        checkNoReasons("specialty", specialty);
    }

    private static void checkNoReasons(String field, String text) {
        if (text != null && REASONS.matcher(text).find()) {
            throw invalid(ErrorCode.REASONS_NOT_ALLOWED, field, "states reasons; an alert carries none");
        }
    }

    static String professionalKey(AlertPayloads.Professional p) {
        return normal(p.familyName()) + "|" + normal(p.givenNames()) + "|" + p.birthDate();
    }

    /** Case, accents and spacing do not make another person. */
    private static String normal(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }

    private static void filter(StringBuilder q, Map<String, Object> params, String clause, String name,
            Object value) {
        if (value != null) {
            q.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private static HubException invalid(ErrorCode code, String field, String message) {
        return new HubException(code, field + " " + message, List.of(new FieldError(field, message)), Map.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime time(Object o) {
        return switch (o) {
            case null -> null;
            case OffsetDateTime t -> t;
            case java.time.Instant i -> i.atOffset(ZoneOffset.UTC);
            case java.sql.Timestamp ts -> ts.toInstant().atOffset(ZoneOffset.UTC);
            default -> OffsetDateTime.parse(o.toString());
        };
    }
}
