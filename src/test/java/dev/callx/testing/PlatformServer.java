package dev.callx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scripted platform server: a MockWebServer that answers only what the test scripted, and says so
 * at once when a request nobody scripted arrives.
 *
 * <p>As a JUnit 5 extension it is started before and closed after each test:
 *
 * <pre>{@code
 * @RegisterExtension
 * final PlatformServer server = new PlatformServer();
 * }</pre>
 *
 * and on its own, for a helper that needs a server for one run: {@code try (PlatformServer s =
 * PlatformServer.serving(json(body))) { ... }}.
 *
 * <p>Answers are scripted in two ways, which can be mixed:
 * <ul>
 *   <li>in order of arrival: {@link #enqueue} / {@link #enqueueJson}, for a client that sends one
 *       request at a time;</li>
 *   <li>by what the request asks for: {@link #whenQuery whenQuery("page", "2")}, {@link #whenPath} or
 *       {@link #when any predicate}, for a client with several requests in flight whose order of
 *       arrival is not fixed. A rule answers with its responses in turn (a retry of the same page gets
 *       the next one), or always with the same, or computes the answer with {@link Rule#answer}.</li>
 * </ul>
 * A request is answered by the first rule that matches it and has an answer left, else by the next
 * enqueued response, else by the {@link #dispatchWith fallback dispatcher}. A request nothing answers
 * is <em>unscripted</em>: it gets HTTP {@value #UNSCRIPTED} at once (not a client time-out minutes
 * later) with a body naming it, and the test fails when the server is closed (after each test, or at
 * the end of the try block), listing every such request.
 *
 * <p>Every request the server answered is counted exactly, whatever thread sent it
 * ({@link #requestCount}), kept in order of arrival ({@link #requests}) and can be taken one by one
 * with a bounded wait ({@link #takeRequest}).
 */
public final class PlatformServer implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** The status of the answer to a request nobody scripted: no client retries it. */
    public static final int UNSCRIPTED = 599;

    /** How long {@link #takeRequest()} waits for a request that has not arrived yet. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private final MockWebServer server = new MockWebServer();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Queue<MockResponse> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final List<String> unscripted = Collections.synchronizedList(new ArrayList<>());
    private volatile Dispatcher fallback;
    private boolean started;
    private boolean closed;

    public PlatformServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
    }

    /** A started server that answers the given responses in order (for use in try-with-resources). */
    public static PlatformServer serving(MockResponse... responses) {
        return new PlatformServer().enqueue(responses).start();
    }

    /** Starts the server; done before each test when registered as an extension. */
    public synchronized PlatformServer start() {
        if (!started) {
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            started = true;
        }
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /**
     * Stops the server and fails (with an {@link AssertionError}) if any request arrived that nobody
     * scripted. Closing twice is harmless.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.close();
        List<String> unexpected = unscripted();
        if (!unexpected.isEmpty()) {
            throw new AssertionError(unexpected.size() + " request(s) that the test did not script reached the "
                    + "platform server (each was answered HTTP " + UNSCRIPTED + "):\n  " + String.join("\n  ",
                    unexpected));
        }
    }

    // ---- scripting ----

    /** Answers the next requests no rule answers, one response each, in this order. */
    public PlatformServer enqueue(MockResponse... responses) {
        Collections.addAll(queue, responses);
        return this;
    }

    /** {@link #enqueue} of HTTP 200 JSON responses with these bodies. */
    public PlatformServer enqueueJson(String... bodies) {
        for (String body : bodies) {
            queue.add(Api.json(body));
        }
        return this;
    }

    /**
     * Answers every request for a page after the first with {@code emptyPage}: for a list whose end
     * is told by an empty page (Ravan sessions: a short page is the last only when the next is empty).
     */
    public PlatformServer emptyAfterFirstPage(String emptyPage) {
        when(r -> {
            String page = r.getUrl().queryParameter("page");
            return page != null && !page.equals("1") && !page.equals("0");
        }, "a page after the first").answer(r -> Api.json(emptyPage));
        return this;
    }

    /** A rule for the requests whose query parameter {@code name} has the value {@code value}. */
    public Rule whenQuery(String name, String value) {
        return when(r -> value.equals(r.getUrl().queryParameter(name)), name + "=" + value);
    }

    /** A rule for the requests to this encoded path, e.g. {@code /api/call-history}. */
    public Rule whenPath(String encodedPath) {
        return when(r -> r.getUrl().encodedPath().equals(encodedPath), "path " + encodedPath);
    }

    /** A rule for the requests {@code matches} accepts; {@code description} names it in failures. */
    public Rule when(Predicate<RecordedRequest> matches, String description) {
        Rule rule = new Rule(matches, description);
        rules.add(rule);
        return rule;
    }

    /**
     * Hands every request that no rule and no enqueued response answers to {@code dispatcher}; a
     * {@code null} answer from it makes the request unscripted. The dispatcher may be called from
     * several threads at once.
     */
    public PlatformServer dispatchWith(Dispatcher dispatcher) {
        this.fallback = dispatcher;
        return this;
    }

    /** Scripted answers to the requests a predicate selects. */
    public static final class Rule {
        private final Predicate<RecordedRequest> matches;
        private final String description;
        private final Queue<MockResponse> responses = new ConcurrentLinkedQueue<>();
        private volatile Function<RecordedRequest, MockResponse> always;

        private Rule(Predicate<RecordedRequest> matches, String description) {
            this.matches = matches;
            this.description = description;
        }

        /** Answers the matching requests with these responses, one each, in this order. */
        public Rule respond(MockResponse... answers) {
            Collections.addAll(responses, answers);
            return this;
        }

        /** {@link #respond} with HTTP 200 JSON responses with these bodies. */
        public Rule respondJson(String... bodies) {
            for (String body : bodies) {
                responses.add(Api.json(body));
            }
            return this;
        }

        /** Answers every matching request (once its {@link #respond} answers are used) with {@code answer}. */
        public Rule always(MockResponse answer) {
            return answer(r -> answer);
        }

        /** Computes the answer to every matching request (once its {@link #respond} answers are used). */
        public Rule answer(Function<RecordedRequest, MockResponse> answer) {
            this.always = answer;
            return this;
        }

        private MockResponse next(RecordedRequest request) {
            MockResponse r = responses.poll();
            if (r != null) {
                return r;
            }
            Function<RecordedRequest, MockResponse> f = always;
            return f == null ? null : f.apply(request);
        }
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        synchronized (received) { // one order for requests() and takeRequest(), whatever threads race here
            received.add(request);
            untaken.add(request);
        }
        List<String> used = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.matches.test(request)) {
                MockResponse r = rule.next(request);
                if (r != null) {
                    return r;
                }
                used.add(rule.description);
            }
        }
        MockResponse r = used.isEmpty() ? queue.poll() : null;
        Dispatcher d = fallback;
        if (r == null && d != null && used.isEmpty()) {
            r = d.dispatch(request);
        }
        if (r != null) {
            return r;
        }
        String what = request.getMethod() + " " + request.getTarget()
                + (used.isEmpty() ? "" : " (every answer scripted for " + String.join(", ", used) + " was used)");
        unscripted.add(what);
        return new MockResponse.Builder().code(UNSCRIPTED).addHeader("Content-Type", "application/json")
                .body("{\"detail\": \"test platform server: no answer scripted for " + what.replace("\"", "'")
                        + "\"}")
                .build();
    }

    // ---- addresses ----

    /** The base URL to give callx, e.g. {@code http://localhost:40123/}. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    /** The URL of a path on this server. */
    public HttpUrl url(String path) {
        return server.url(path);
    }

    public int port() {
        return server.getPort();
    }

    // ---- what was received ----

    /** How many requests the server has answered so far (unscripted ones included). */
    public int requestCount() {
        return received.size();
    }

    /** Every request answered so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The value of one query parameter in every request so far, in order of arrival. */
    public List<String> sent(String param) {
        return requests().stream().map(r -> r.getUrl().queryParameter(param)).toList();
    }

    /** The requests that nobody scripted, as {@code METHOD target}. */
    public List<String> unscripted() {
        synchronized (unscripted) {
            return List.copyOf(unscripted);
        }
    }

    /**
     * The oldest request not taken yet, waiting up to {@link #WAIT} for it; fails the test if none
     * arrives.
     */
    public RecordedRequest takeRequest() {
        return takeRequest(WAIT);
    }

    /** {@link #takeRequest()} with another bound on the wait. */
    public RecordedRequest takeRequest(Duration wait) {
        RecordedRequest r;
        try {
            r = untaken.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
        assertThat(r).as("a request reached the platform server within %s (%d answered so far)", wait,
                requestCount()).isNotNull();
        return r;
    }

    @Override
    public String toString() {
        return "PlatformServer " + baseUrl() + ", " + requestCount() + " request(s)";
    }
}
