package eu.authorityhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a loopback address (the JDK's own server, nothing of the hub): records every request and
 * answers from a script (status and headers per call, then a default), or hangs until closed.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, boolean hangs) {

        public static Answer of(int status) {
            return new Answer(status, Map.of(), false);
        }

        public static Answer hanging() {
            return new Answer(0, Map.of(), true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger open = new AtomicInteger();
    private volatile Answer fallback = Answer.of(204);

    public WebhookReceiver() {
        this("127.0.0.1");
    }

    public WebhookReceiver(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            open.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(
                        Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), e -> e.getValue().get(0),
                                (a, b) -> a));
                headers.put(":path", exchange.getRequestURI().toString());
                received.add(new Received(headers, body));
                Answer a = script.poll();
                if (a == null) {
                    a = fallback;
                }
                if (a.hangs()) {
                    closed.await(60, TimeUnit.SECONDS);
                    return;
                }
                a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] out = ("{\"received\":" + received.size() + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(a.status(), a.status() == 204 ? -1 : out.length);
                if (a.status() != 204) {
                    try (OutputStream o = exchange.getResponseBody()) {
                        o.write(out);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The next calls get these answers, in order; later ones the fallback. */
    public WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public WebhookReceiver otherwise(Answer answer) {
        fallback = answer;
        return this;
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests being answered (or hanging) right now. */
    public int open() {
        return open.get();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
