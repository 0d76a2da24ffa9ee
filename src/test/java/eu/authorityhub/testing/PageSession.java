package eu.authorityhub.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in pages session over plain HTTP (no browser): the authorization-code flow through the sign-in page. */
public final class PageSession {

    private PageSession() {
    }

    /** The hub as the tests reach it. */
    public static String base() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    public static HttpClient signedIn(String user) throws Exception {
        return signedIn(user, "/app/inbox");
    }

    /** Signs in on the way to {@code landing}, a page the user may see. */
    public static HttpClient signedIn(String user, String landing) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(
                HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base() + landing)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(
                signIn.body());
        StringBuilder form = new StringBuilder("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        while (hidden.find()) {
            form.append('&').append(hidden.group(1)).append('=').append(URLEncoder.encode(hidden.group(2)
                    .replace("&amp;", "&").replace("&quot;", "\""), StandardCharsets.UTF_8));
        }
        URI provider = signIn.uri().resolve("/authorize");
        HttpResponse<String> inbox = client.send(HttpRequest.newBuilder(provider).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (inbox.statusCode() != 200 || !inbox.uri().getPath().equals(landing)) {
            throw new IllegalStateException("sign-in failed: " + inbox.statusCode() + " " + inbox.uri());
        }
        return client;
    }

    /** GETs a page of the session; @return the status. */
    public static int get(HttpClient session, String path) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers
                .ofByteArray()).statusCode();
    }
}
