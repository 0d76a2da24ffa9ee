package eu.authorityhub.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.request.RequestPayloads.CatalogueQuestionView;

/**
 * The question catalogue (shipped by migration, versioned). Reference data that never changes within a version, so it
 * is read once and kept.
 */
@ApplicationScoped
public class QuestionCatalogue {

    public static final Set<String> LANGUAGES = Set.of("en", "fr", "nl", "de");

    public record Entry(int version, String code, String category, String group, String answerType,
            List<String> choices, Map<String, String> texts) {

        public String text(String language) {
            return texts.getOrDefault(language, texts.get("en"));
        }
    }

    private final EntityManager em;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Map<String, Entry> current;
    private volatile int currentVersion;

    public QuestionCatalogue(EntityManager em) {
        this.em = em;
    }

    public int version() {
        load();
        return currentVersion;
    }

    public Entry get(String code) {
        load();
        return current.get(code);
    }

    public List<Entry> all() {
        load();
        return List.copyOf(current.values());
    }

    public static String language(String preferred) {
        return preferred != null && LANGUAGES.contains(preferred) ? preferred : "en";
    }

    public List<CatalogueQuestionView> views(String language) {
        String lang = language(language);
        return all().stream().map(e -> new CatalogueQuestionView(e.version(), e.code(), e.category(), e.group(),
                e.answerType(), e.choices(), e.text(lang), lang)).toList();
    }

    @SuppressWarnings("unchecked")
    private void load() {
        if (current != null) {
            return;
        }
        synchronized (this) {
            if (current != null) {
                return;
            }
            int version = ((Number) em.createNativeQuery("select max(catalogue_version) from question")
                    .getSingleResult()).intValue();
            List<Object[]> rows = em.createNativeQuery("select code, category, question_group, answer_type,"
                    + " cast(choices as text), cast(texts as text) from question where catalogue_version = :v"
                    + " order by code").setParameter("v", version).getResultList();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Object[] r : rows) {
                entries.put((String) r[0], new Entry(version, (String) r[0], (String) r[1], (String) r[2],
                        (String) r[3], r[4] == null ? List.of() : read((String) r[4], new TypeReference<>() {
                        }), read((String) r[5], new TypeReference<Map<String, String>>() {
                        })));
            }
            currentVersion = version;
            current = Collections.unmodifiableMap(entries);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("question catalogue row is not valid JSON", e);
        }
    }

    /** For tests of answer validation without a database. */
    static List<String> choicesOf(Entry e) {
        return new ArrayList<>(e.choices());
    }
}
