package eu.authorityhub.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.CallerResolver;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * What every page needs about its request: the caller (the same resolution as the API), the page language, and the
 * form token that protects state changes against cross-site forgery.
 */
@RequestScoped
public class PageContext {

    /** The languages of the pages (those of the question catalogue). */
    public static final List<String> LANGUAGES = List.of("en", "fr", "nl", "de");
    static final String LANGUAGE_COOKIE = "hub-lang";

    private final CallerResolver callers;
    private final SecurityIdentity identity;
    private final HttpHeaders headers;
    private final HttpServerRequest request;

    public PageContext(CallerResolver callers, SecurityIdentity identity, HttpHeaders headers,
            HttpServerRequest request) {
        this.callers = callers;
        this.identity = identity;
        this.headers = headers;
        this.request = request;
    }

    public String path() {
        return request.path();
    }

    public String query(String name) {
        return request.getParam(name);
    }

    /** The signed-in person's e-mail address from their sign-in, if the provider gives one. */
    public String email() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("email") : null;
    }

    /** Whether the signed-in user administers their authority's connection (webhook subscriptions). */
    public boolean authorityAdmin() {
        return identity.hasRole(eu.authorityhub.security.Roles.AUTHORITY_ADMIN);
    }

    public Caller caller() {
        return callers.caller();
    }

    public String user() {
        return caller().subject();
    }

    /** The chosen language: ?lang=, then the cookie, then the browser's preference, then English. */
    public String language() {
        String asked = request.getParam("lang");
        if (asked != null && LANGUAGES.contains(asked)) {
            return asked;
        }
        var cookie = headers.getCookies().get(LANGUAGE_COOKIE);
        if (cookie != null && LANGUAGES.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            if (LANGUAGES.contains(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "en";
    }

    public Locale locale() {
        return Locale.forLanguageTag(language());
    }

    /**
     * The form token: a hash of the session's ID token, which only this browser's session cookie carries (HttpOnly,
     * SameSite=Strict, encrypted); another site can neither read nor compute it.
     */
    public String csrfToken() {
        String raw = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
        if (raw == null) {
            throw new HubException(ErrorCode.UNAUTHENTICATED, "Sign in first");
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("form|" + raw).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses a state-changing form that did not come from the hub's own pages: one the browser marks as sent from
     * another site ({@code Sec-Fetch-Site}), one with a foreign {@code Origin} (browsers send "null" under the pages'
     * no-referrer policy, which says nothing), and one without the right form token.
     */
    public void checkForm(String token) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        boolean foreignOrigin = origin != null && !origin.equals("null") && !origin.replaceFirst("^https?://", "")
                .equals(request.getHeader("Host"));
        if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite) || foreignOrigin) {
            throw new HubException(ErrorCode.FORBIDDEN, "The form was sent from another site");
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), csrfToken().getBytes(
                StandardCharsets.US_ASCII))) {
            throw new HubException(ErrorCode.FORBIDDEN, "The form has expired or was not sent from the hub's pages");
        }
    }
}
