package eu.authorityhub.accesslog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * What one HTTP call showed of personal data, gathered while it runs: the cases, their parties and the kinds of data.
 * One call leaves one access record: written as the call's own transaction commits (see {@link AccessLog}), or when
 * the answer leaves for what was read outside it (see {@link AccessLogFilter}), which then completes the same record.
 */
@RequestScoped
public class AccessRecorder {

    private String caseType;
    private final Set<UUID> cases = new LinkedHashSet<>();
    private final Set<String> parties = new LinkedHashSet<>();
    private final Set<DataKind> kinds = EnumSet.noneOf(DataKind.class);
    /** Whether something was gathered since the record was last written. */
    private boolean pending;
    /** The record written for this call, if any. */
    private Long record;
    /** The transaction whose commit writes the record, if one was asked to. */
    private Object transaction;

    void add(String type, UUID caseId, Collection<String> caseParties, Set<DataKind> shown) {
        caseType = caseType == null || caseType.equals(type) ? type : "MIXED";
        cases.add(caseId);
        parties.addAll(caseParties);
        kinds.addAll(shown);
        pending = true;
    }

    /** Whether there is something not yet in the record. */
    boolean isPending() {
        return pending;
    }

    /** The record now holds everything gathered; @param id its number. */
    void written(long id) {
        record = id;
        pending = false;
    }

    Long record() {
        return record;
    }

    /** Marks the transaction that writes the record; @return false when it was marked already. */
    boolean writtenBy(Object tx) {
        if (tx.equals(transaction)) {
            return false;
        }
        transaction = tx;
        return true;
    }

    /** Forgets what was gathered (the answer is a refusal after all, or it was recorded). */
    void clear() {
        cases.clear();
        parties.clear();
        kinds.clear();
        caseType = null;
        pending = false;
        record = null;
        transaction = null;
    }

    String caseType() {
        return caseType;
    }

    List<UUID> cases() {
        return new ArrayList<>(cases);
    }

    List<String> parties() {
        return parties.stream().sorted().toList();
    }

    List<String> kinds() {
        return kinds.stream().map(Enum::name).toList();
    }
}
