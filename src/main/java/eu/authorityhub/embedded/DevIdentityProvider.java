package eu.authorityhub.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect provider for the pages in dev mode and in tests: the authorization-code flow with PKCE, a
 * sign-in page on which the demo users are chosen (no passwords: it serves dev mode and tests only, on the loopback
 * interface), RS256 tokens carrying the user's roles in {@code groups}, and sign-out. Never part of the packaged hub's
 * configuration: only the dev profile's configuration source and the tests start it.
 */
public final class DevIdentityProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private record Grant(String user, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private final HttpServer server;
    /** user → "role,role"; read at each sign-in, so that tests may add users while it runs. */
    private final Map<String, String> users;
    private final KeyPair keys;
    private final String keyId = "dev-" + Long.toHexString(new SecureRandom().nextLong());
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Starts on the loopback interface ({@code port} 0 picks a free one); {@code users}: name → "role,role". */
    public DevIdentityProvider(int port, Map<String, String> users) throws IOException {
        this.users = users;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dev-identity-provider");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The issuer URL, which is also the {@code auth-server-url} to configure. Named "localhost" like the hub in dev mode
     * and in the browser tests, so that the provider and the hub are the same site for the browser: the sign-in's
     * cookies are SameSite=Strict.
     */
    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            switch (path) {
                case "/.well-known/openid-configuration" -> json(x, 200, discovery());
                case "/jwks" -> json(x, 200, Map.of("keys", List.of(jwk())));
                case "/authorize" -> {
                    if (x.getRequestMethod().equals("POST")) {
                        signIn(x, form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    } else {
                        page(x, form(x.getRequestURI().getRawQuery()));
                    }
                }
                case "/token" -> token(x, form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                case "/logout" -> {
                    String back = form(x.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
                    redirect(x, back == null ? issuer() : back);
                }
                default -> json(x, 404, Map.of("error", "not_found"));
            }
        } catch (RuntimeException e) {
            json(x, 400, Map.of("error", "invalid_request", "error_description", String.valueOf(e.getMessage())));
        } finally {
            x.close();
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", issuer() + "/authorize");
        d.put("token_endpoint", issuer() + "/token");
        d.put("jwks_uri", issuer() + "/jwks");
        d.put("end_session_endpoint", issuer() + "/logout");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("grant_types_supported", List.of("authorization_code"));
        return d;
    }

    private Map<String, Object> jwk() {
        RSAPublicKey k = (RSAPublicKey) keys.getPublic();
        return Map.of("kty", "RSA", "kid", keyId, "use", "sig", "alg", "RS256", "n", unsigned(k.getModulus()), "e",
                unsigned(k.getPublicExponent()));
    }

    /** The sign-in page: one button per demo user, the flow's parameters carried along. */
    private void page(HttpExchange x, Map<String, String> q) throws IOException {
        if (!"code".equals(q.get("response_type")) || q.get("redirect_uri") == null) {
            throw new IllegalArgumentException("response_type=code and redirect_uri are required");
        }
        StringBuilder hidden = new StringBuilder();
        for (String k : List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge")) {
            if (q.get(k) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(escape(q.get(
                        k))).append("\">");
            }
        }
        StringBuilder buttons = new StringBuilder();
        new java.util.TreeMap<>(users).forEach((name, roles) -> buttons.append(
                "<li><button type=\"submit\" name=\"user\" value=\"").append(escape(name)).append("\">").append(
                        escape(name))
                .append("</button> <span>").append(escape(roles)).append("</span></li>"));
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in (development)"
                + "</title></head><body><main><h1>Sign in (development provider)</h1><p>Choose a demo user."
                + " This provider serves dev mode and tests only.</p><form method=\"post\" action=\"/authorize\">"
                + hidden + "<ul>" + buttons + "</ul></form></main></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private void signIn(HttpExchange x, Map<String, String> f) throws IOException {
        String user = f.get("user");
        if (user == null || !users.containsKey(user)) {
            throw new IllegalArgumentException("unknown user");
        }
        String code = B64.encodeToString(randomBytes());
        codes.put(code, new Grant(user, f.get("client_id"), f.get("redirect_uri"), f.get("nonce"), f.get(
                "code_challenge")));
        String redirect = f.get("redirect_uri");
        String sep = redirect.contains("?") ? "&" : "?";
        redirect(x, redirect + sep + "code=" + enc(code) + (f.get("state") == null
                ? ""
                : "&state=" + enc(f.get(
                        "state"))));
    }

    private void token(HttpExchange x, Map<String, String> f) throws IOException {
        Grant g = codes.remove(String.valueOf(f.get("code")));
        if (!"authorization_code".equals(f.get("grant_type")) || g == null || !g.redirectUri().equals(f.get(
                "redirect_uri"))) {
            json(x, 400, Map.of("error", "invalid_grant"));
            return;
        }
        if (g.challenge() != null && !g.challenge().equals(s256(String.valueOf(f.get("code_verifier"))))) {
            json(x, 400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
            return;
        }
        String clientId = g.clientId() != null ? g.clientId() : f.getOrDefault("client_id", "hub-web");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", g.user());
        claims.put("aud", List.of(clientId, "hub"));
        claims.put("azp", clientId);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("preferred_username", g.user());
        claims.put("email", g.user() + "@users.hub.test"); // a reserved test domain: mail stays in the dev SMTP server
        claims.put("groups", List.of(users.get(g.user()).split("\\s*,\\s*")));
        claims.put("sid", B64.encodeToString(randomBytes()));
        Map<String, Object> id = new HashMap<>(claims);
        if (g.nonce() != null) {
            id.put("nonce", g.nonce());
        }
        json(x, 200, Map.of("access_token", sign(claims), "id_token", sign(id), "token_type", "Bearer",
                "expires_in", 3600, "scope", "openid"));
    }

    private String sign(Map<String, Object> claims) {
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid",
                    keyId)));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(keys.getPrivate());
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(s.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(
                    StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return b;
    }

    private static String unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            byte[] t = new byte[b.length - 1];
            System.arraycopy(b, 1, t, 0, t.length);
            b = t;
        }
        return B64.encodeToString(b);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        URI.create(location); // refuse what is not a URI
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange x, int status, Object body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

}
