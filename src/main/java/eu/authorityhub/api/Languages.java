package eu.authorityhub.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

/** The caller's preferred language from Accept-Language, as an ISO 639-1 code. */
public final class Languages {

    private Languages() {
    }

    /** The first language the caller accepts, absent when it sent none or {@code *}. */
    public static Optional<String> preferred(HttpHeaders headers) {
        List<Locale> accepted = headers.getAcceptableLanguages();
        return accepted.isEmpty() || "*".equals(accepted.get(0).getLanguage())
                ? Optional.empty()
                : Optional.of(accepted.get(0).getLanguage());
    }
}
