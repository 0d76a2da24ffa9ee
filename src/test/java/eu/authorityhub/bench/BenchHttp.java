package eu.authorityhub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Timing pages and API calls over loopback HTTP, as one client: a signed-in browser session or a bearer token. */
final class BenchHttp {

    static final int WARM = 200;
    static final int RUNS = 1000;

    private BenchHttp() {
    }

    /** The hub as the tests reach it (bench/run picks a free port). */
    static String base() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    /** Fetches the path {@link #WARM} times unmeasured, then {@link #RUNS} times; the times in ms, sorted. */
    static double[] time(HttpClient client, String path, String token) throws Exception {
        return time(client, path, token, WARM, RUNS);
    }

    /** A client with the pages' session: the authorization-code flow through the provider's sign-in page. */
    static HttpClient signedIn(String user) throws Exception {
        return eu.authorityhub.testing.PageSession.signedIn(user);
    }

    static double[] time(HttpClient client, String path, String token, int warm, int runs) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = b.build();
        double[] ms = new double[runs];
        for (int i = -warm; i < runs; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            if (i >= 0) {
                ms[i] = t / 1_000_000.0;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    static double[] sum(double[] a, double[] b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            out.add(a[i] + b[i]); // both sorted: the sum of the same ranks, an upper bound of the pairs' sum
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
