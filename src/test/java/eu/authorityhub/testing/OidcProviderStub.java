package eu.authorityhub.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OIDC provider for a packaged hub: discovery and the JWKS of the test signing key ({@code publicKey.jwk},
 * kid "1"), over real HTTP on a fixed port, so that it can be stopped (an outage) and started again on the same
 * address. Tokens come from {@link Tokens}.
 */
public final class OidcProviderStub implements AutoCloseable {

    private final int port;
    private HttpServer server;

    public OidcProviderStub(int port) {
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/realms/hub";
    }

    public synchronized OidcProviderStub start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jwks;
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream("publicKey.jwk")) {
            jwks = "{\"keys\":[" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "]}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
                 "token_endpoint":"%s/protocol/openid-connect/token",
                 "authorization_endpoint":"%s/protocol/openid-connect/auth",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(Tokens.ISSUER, url(), url(), url());
        server.createContext("/realms/hub/.well-known/openid-configuration", ex -> answer(ex, discovery));
        server.createContext("/realms/hub/protocol/openid-connect/certs", ex -> answer(ex, jwks));
        server.start();
        return this;
    }

    /** The provider is gone: connections to its port are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void answer(HttpExchange ex, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
