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
 * Written once, as one access record, when the answer leaves (see {@link AccessLogFilter}).
 */
@RequestScoped
public class AccessRecorder {

    private String caseType;
    private final Set<UUID> cases = new LinkedHashSet<>();
    private final Set<String> parties = new LinkedHashSet<>();
    private final Set<DataKind> kinds = EnumSet.noneOf(DataKind.class);

    void add(String type, UUID caseId, Collection<String> caseParties, Set<DataKind> shown) {
        caseType = caseType == null || caseType.equals(type) ? type : "MIXED";
        cases.add(caseId);
        parties.addAll(caseParties);
        kinds.addAll(shown);
    }

    boolean isEmpty() {
        return cases.isEmpty();
    }

    /** Forgets what was gathered (the answer is a refusal after all, or it was recorded). */
    void clear() {
        cases.clear();
        parties.clear();
        kinds.clear();
        caseType = null;
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
