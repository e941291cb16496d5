package dev.callx.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Ravan AI, Vaani Voice and Zudu AI: all their endpoints on one loopback port,
 * and the storage their pre-signed recording URLs point at on another ({@link #storageUrl()}),
 * with deterministic synthetic data ({@link SandboxConfig#calls()} calls per platform) and optional
 * latency and fault injection. Start with {@link #start(SandboxConfig)}, stop with {@link #close()}.
 *
 * <p>Every request goes: latency sleep, route (unknown path: 404), GET only (else 405), credentials
 * (else 401 in the platform's shape), fault injection (503, or 429 with {@code Retry-After: 1}), then
 * the endpoint. So wrong credentials always give 401, and faults only hit authenticated requests.
 */
public final class Sandbox implements AutoCloseable {

    static final String RAVAN_API_KEY = "sandbox-ravan-key";
    static final String RAVAN_TOKEN = "sandbox-ravan-token";
    static final String VAANI_API_KEY = "sandbox-vaani-key";
    static final String ZUDU_API_KEY = "sandbox-zudu-key";
    static final String ZUDU_API_SECRET = "sandbox-zudu-secret";
    private static final int THREADS = 12;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** How long after the anchor the pre-signed recording URLs say they expire (never enforced). */
    static final long URL_VALIDITY_SECONDS = 3600;

    private final SandboxConfig config;
    private final HttpServer server;
    private final HttpServer storageServer;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Storage storage;
    private final RavanApi ravan;
    private final Object closeLock = new Object();
    private boolean closed;

    private Sandbox(SandboxConfig config, HttpServer server, HttpServer storageServer, ExecutorService executor) {
        this.config = config;
        this.server = server;
        this.storageServer = storageServer;
        this.executor = executor;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.storage = new Storage("http://127.0.0.1:" + storageServer.getAddress().getPort(), config.seed(),
                config.anchor().getEpochSecond() + URL_VALIDITY_SECONDS, config.latency());
        Customers customers = new Customers(config.seed(), config.calls());
        this.ravan = new RavanApi(dataset(Dataset.Kind.RAVAN, customers), baseUrl, storage, RAVAN_API_KEY, RAVAN_TOKEN);
        VaaniApi vaani = new VaaniApi(dataset(Dataset.Kind.VAANI, customers), baseUrl, VAANI_API_KEY);
        ZuduApi zudu = new ZuduApi(dataset(Dataset.Kind.ZUDU, customers), baseUrl, storage, ZUDU_API_KEY,
                ZUDU_API_SECRET);
        FaultInjector faults = new FaultInjector(config.seed(), config.errorRate(), config.rateLimitRate());
        server.createContext("/", new Router(List.of(ravan, vaani, zudu), faults, config.latency()));
        server.setExecutor(executor);
        storageServer.createContext("/", storage);
        storageServer.setExecutor(executor);
    }

    private Dataset dataset(Dataset.Kind kind, Customers customers) {
        return new Dataset(kind, config.seed(), config.calls(), config.anchor(), customers);
    }

    /** Binds 127.0.0.1:{@code config.port()} and starts serving; data is generated lazily. */
    public static Sandbox start(SandboxConfig config) throws IOException {
        enableNoDelay();
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, config.port()), 64);
        HttpServer storageServer;
        try {
            storageServer = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
        } catch (IOException | RuntimeException e) {
            server.stop(0);
            throw e;
        }
        ExecutorService executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        try {
            Sandbox sandbox = new Sandbox(config, server, storageServer, executor);
            server.start();
            storageServer.start();
            return sandbox;
        } catch (RuntimeException e) {
            server.stop(0);
            storageServer.stop(0);
            executor.shutdownNow();
            throw e;
        }
    }

    /**
     * The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
     * a keep-alive client waits for a delayed ACK, about 40 ms per request. The server reads this
     * JVM-wide switch once, when the first server in the JVM is created; an explicit setting wins.
     */
    private static void enableNoDelay() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "callx-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public SandboxConfig config() {
        return config;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash; the base URL of all three platforms. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * {@code http://127.0.0.1:<another port>}: the stand-in for the object storage that Zudu's and
     * Ravan's call-sessions pre-signed {@code recording_url}s point at. Another origin than
     * {@link #baseUrl()}, as real storage is another host; it refuses platform credentials.
     */
    public String storageUrl() {
        return storage.baseUrl();
    }

    /**
     * Environment variable name to value, in this order: RAVAN_API_KEY, RAVAN_TOKEN, VAANI_API_KEY,
     * ZUDU_API_KEY, ZUDU_API_SECRET. The values are fixed and public: this is a sandbox.
     */
    public Map<String, String> credentials() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RAVAN_API_KEY", RAVAN_API_KEY);
        m.put("RAVAN_TOKEN", RAVAN_TOKEN);
        m.put("VAANI_API_KEY", VAANI_API_KEY);
        m.put("ZUDU_API_KEY", ZUDU_API_KEY);
        m.put("ZUDU_API_SECRET", ZUDU_API_SECRET);
        return Collections.unmodifiableMap(m);
    }

    /** The phone number of the contact with the most Ravan calls (ties: the lowest contact id). */
    public String examplePhone() {
        return ravan.view().data().customers().get(busiestContact()).phone();
    }

    /** The contact with the most Ravan calls (ties: the lowest id), e.g. {@code ct_0007}. */
    public String exampleContactId() {
        return Customer.contactId(busiestContact());
    }

    private int busiestContact() {
        Dataset d = ravan.view().data();
        int[] counts = new int[d.customers().count()];
        if (d.size() > 0) {
            for (SyntheticCall c : d.all()) {
                counts[c.customer()]++;
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }

    /** How many Ravan phone-history records have this number as caller or callee. */
    public int ravanCallsMatchingPhone(String e164) {
        return ravan.phoneMatches(e164).length;
    }

    /** How many calls the Ravan contact has; 0 for an unknown contact id (the endpoint answers 404). */
    public int contactCallCount(String contactId) {
        int[] calls = ravan.contactMatches(contactId);
        return calls == null ? 0 : calls.length;
    }

    /**
     * How many Ravan call sessions match these call-sessions query parameters (agent_id, status,
     * channel, caller_number, search, started_after, started_before; paging ignored).
     *
     * @throws IllegalArgumentException when a parameter is invalid (the endpoint answers 400)
     */
    public int ravanSessionsMatching(Map<String, String> params) {
        return SessionQuery.parse(params).run(ravan.view()).size();
    }

    /** The Ravan agents' ids, for the {@code agent_id} filter. */
    public List<String> ravanAgentIds() {
        return ravan.view().data().agents().stream().map(Agent::id).toList();
    }

    /**
     * Stops the server and its threads at once; requests in flight are dropped. Idempotent. When it
     * returns the port no longer accepts connections, even if the caller was interrupted (Ctrl-C):
     * the server waits for its dispatcher thread to close the port, and an interrupt would cut that
     * wait short, so the flag is set aside while stopping and restored after.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean interrupted = Thread.interrupted();
        try {
            server.stop(0);
            storageServer.stop(0);
            executor.shutdownNow();
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
