package eu.authorityhub.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.accesslog.AccessLog;
import eu.authorityhub.accesslog.AccessLogQueries;
import eu.authorityhub.accesslog.DataKind;
import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import eu.authorityhub.subjectaccess.SubjectAccessPayloads.AlertCase;
import eu.authorityhub.subjectaccess.SubjectAccessPayloads.Document;
import eu.authorityhub.subjectaccess.SubjectAccessPayloads.Export;
import eu.authorityhub.subjectaccess.SubjectAccessPayloads.RequestCase;
import eu.authorityhub.subjectaccess.SubjectAccessPayloads.Step;

/**
 * A data-protection officer answers a professional's access request: every request and alert of the officer's
 * authority about that person (family name and birth date, given names when stated; case-insensitive), with every
 * datum the hub holds, blocked ones included (holding is processing), and every recorded access to those cases. The
 * export is itself a read of personal data, and recorded as one.
 */
@ApplicationScoped
public class SubjectAccessService {

    private final EntityManager em;
    private final AccessLogQueries accesses;
    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final Clock clock;

    SubjectAccessService(EntityManager em, AccessLogQueries accesses, AccessLog accessLog, ObjectMapper json,
            Clock clock) {
        this.em = em;
        this.accesses = accesses;
        this.accessLog = accessLog;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Export export(Caller caller, String familyName, String givenNames, LocalDate birthDate) {
        if (!caller.hasRole(Roles.DATA_PROTECTION_OFFICER) || caller.authority().isEmpty()) {
            throw new HubException(ErrorCode.FORBIDDEN, "Only a data-protection officer of an authority exports");
        }
        String me = caller.authority().get();
        String given = givenNames == null || givenNames.isBlank() ? null : givenNames.strip();
        List<RequestCase> requests = requests(me, familyName.strip(), given, birthDate);
        List<AlertCase> alerts = alerts(me, familyName.strip(), given, birthDate);
        List<UUID> cases = new ArrayList<>();
        requests.forEach(r -> cases.add(r.id()));
        alerts.forEach(a -> cases.add(a.id()));
        var log = accesses.ofCases(cases);
        requests.forEach(r -> accessLog.read("REQUEST", r.id(), List.of(r.requester(), r.responder()), EnumSet.of(
                DataKind.PROFESSIONAL, DataKind.ANSWERS, DataKind.FREE_TEXT, DataKind.DOCUMENT_NAMES)));
        alerts.forEach(a -> accessLog.read("ALERT", a.id(), List.of(a.issuer()), EnumSet.of(DataKind.PROFESSIONAL)));
        return new Export(me, familyName.strip(), given, birthDate, OffsetDateTime.now(clock), requests, alerts, log);
    }

    /** Birth dates are stored as ISO text or, as the entities write them, as [year, month, day]: both match. */
    private static final String MATCH = " lower(professional->>'familyName') = lower(:f) and (professional->>'birthDate'"
            + " = :b or professional->'birthDate' = cast(:ymd as jsonb)) and (cast(:g as text) is null or"
            + " lower(professional->>'givenNames') = lower(cast(:g as text)))";

    private List<RequestCase> requests(String me, String family, String given, LocalDate born) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, reference, state, requester, responder, procedure,"
                + " profession, created_at, closed_at, personal_data, cast(professional as text), cast(questions as"
                + " text), decline_reason from information_request where (requester = :me or (responder = :me and"
                + " state <> 'DRAFT')) and" + MATCH + " order by created_at").setParameter("me", me).setParameter("f",
                        family)
                .setParameter("b", born.toString()).setParameter("ymd", ymd(born)).setParameter("g", given)
                .getResultList();
        List<RequestCase> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            out.add(new RequestCase(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], time(r[7]), time(r[8]), (String) r[9], tree((String) r[10]), tree((String) r[11]),
                    (String) r[12], documents(id), timeline(id)));
        }
        return out;
    }

    private List<Document> documents(UUID request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, file_name, content_type, size_bytes, sha256,"
                + " uploaded_by, uploaded_at, content is not null from request_attachment where request_id = :r order"
                + " by uploaded_at").setParameter("r", request).getResultList();
        return rows.stream().map(r -> new Document((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3])
                .longValue(), (String) r[4], (String) r[5], time(r[6]), (Boolean) r[7])).toList();
    }

    private List<Step> timeline(UUID request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, action, authority, at, detail from request_timeline"
                + " where request_id = :r order by seq").setParameter("r", request).getResultList();
        return rows.stream().map(r -> new Step(((Number) r[0]).intValue(), (String) r[1], (String) r[2], time(r[3]),
                (String) r[4])).toList();
    }

    private List<AlertCase> alerts(String me, String family, String given, LocalDate born) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, reference, state, issuer, profession, alert_type,"
                + " scope, restriction, decision_date, period_from, period_until, cast(professional as text),"
                + " broadcast_at, personal_data_removed_at from alert a where (issuer = :me or exists (select 1 from"
                + " alert_recipient r where r.alert_id = a.id and r.authority = :me)) and professional is not null"
                + " and" + MATCH + " order by broadcast_at").setParameter("me", me).setParameter("f", family)
                .setParameter("b", born.toString()).setParameter("ymd", ymd(born)).setParameter("g", given)
                .getResultList();
        return rows.stream().map(r -> new AlertCase((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], date(r[8]), date(r[9]), date(r[10]),
                tree((String) r[11]), time(r[12]), time(r[13]))).toList();
    }

    private static String ymd(LocalDate d) {
        return "[" + d.getYear() + "," + d.getMonthValue() + "," + d.getDayOfMonth() + "]";
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static OffsetDateTime time(Object o) {
        return eu.authorityhub.time.SqlTimes.utc(o);
    }
}
