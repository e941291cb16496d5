package dev.callx.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.log.Log;
import dev.callx.record.Json;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * GETs JSON from one platform: sends the credentials only to the configured origin, retries what
 * is worth retrying with exponential backoff and full jitter, honours Retry-After, and turns every
 * failure into a {@link CallxException} with the exit code of SPEC section 7 and a message that
 * names the platform, the HTTP status, the platform's own message and what to do next.
 */
public final class ApiClient {
    /** A failed attempt that took this long gets its retry line on stderr, however short the wait after it. */
    private static final long SLOW_ATTEMPT_NANOS = 1_000_000_000L;
    private static final int SNIPPET = 200;
    private static final String JSON = "application/json";

    private final OkHttpClient http;
    private final Target target;
    private final HttpSettings settings;
    private final Log log;
    private final Sleeper sleeper;
    private final Random random;
    private final Clock clock;
    private final Throttle throttle;
    private final RetryPolicy retries;
    /** Told about each attempt: true for a retry (for the run's counts). */
    private volatile java.util.function.Consumer<Boolean> attemptListener = retry -> { };

    /** A client for one thread at a time, with no limit shared with others. */
    public ApiClient(Target target, HttpSettings settings, Log log, Sleeper sleeper, Random random, Clock clock) {
        this(target, settings, log, sleeper, random, clock, new Throttle(1));
    }

    /**
     * @param throttle the run's limit on requests in flight (see {@link FetchPool}); every attempt holds
     *                 one of its permits, and a Retry-After pauses every attempt that uses it
     */
    public ApiClient(Target target, HttpSettings settings, Log log, Sleeper sleeper, Random random, Clock clock,
                     Throttle throttle) {
        Origins.checkScheme(target.baseUrl(), settings.allowHttp());
        this.throttle = throttle;
        this.retries = new RetryPolicy(settings, random, clock);
        this.target = target;
        this.settings = settings;
        this.log = log;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        target.authHeaders().values().forEach(log.secrets()::add);
        maskKeyAndSecretPair(target.authHeaders(), log);
        settings.network().proxies().secrets().forEach(log.secrets()::add);
        checkHeaderValues(target);
        this.http = HttpClients.create(target, settings, throttle.max());
    }

    /**
     * A credential OkHttp cannot put in a header (a non-ASCII or control character, often from a
     * copy and paste) is a bad credential, exit 3, not an internal error. The value is not shown.
     */
    private static void checkHeaderValues(Target target) {
        target.authHeaders().forEach((name, value) -> {
            try {
                new Headers.Builder().add(name, value);
            } catch (IllegalArgumentException e) {
                throw CallxException.auth("the " + target.platform() + " credential cannot be sent: its " + name
                        + " header value holds a character other than printable ASCII. Check "
                        + target.credentialEnv() + " (a stray character from a copy and paste?)");
            }
        });
    }

    /** Tells {@code listener} about each HTTP attempt sent: {@code true} when it repeats an earlier one. */
    public ApiClient onAttempt(java.util.function.Consumer<Boolean> listener) {
        this.attemptListener = listener;
        return this;
    }

    /** A successful answer: its HTTP status (2xx) and its body. */
    public record Reply(int status, JsonNode body) {
    }

    /**
     * GETs {@code url} and parses its body as JSON; a 404 is exit 4.
     *
     * @param what what is being fetched, for messages ("page 3", "contact ct_1")
     */
    public Reply getJson(HttpUrl url, String what) {
        return exchange(url, what, false, JSON, this::readJson);
    }

    /** As {@link #getJson}, but a 404 is an answer, null: a per-call detail not there (yet). */
    public Reply getJsonIfFound(HttpUrl url, String what) {
        return exchange(url, what, true, JSON, this::readJson);
    }

    /** Reads a 2xx response; throws {@link CutBody} when the body ended early and another attempt may help. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(Response response, String what) throws IOException;
    }

    /** A body that ended before it was whole: worth another attempt. */
    public static final class CutBody extends IOException {
        CutBody(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The one attempt loop: each attempt holds a permit of the run's {@link Throttle}; failures are
     * judged by the {@link RetryPolicy}; waits go through the {@link Sleeper}, and a Retry-After
     * holds every other request of the run too.
     *
     * @param notFoundIsNull a 404 answers null instead of failing
     * @param accept         the Accept header
     */
    public <T> T exchange(HttpUrl url, String what, boolean notFoundIsNull, String accept, BodyReader<T> reader) {
        Request.Builder rb = new Request.Builder().url(url).get().header("User-Agent", "callx")
                .header("Accept", accept);
        target.authHeaders().forEach(rb::header);
        Request request = rb.build();
        int attempts = retries.attempts();
        String lastProblem = null;
        IOException lastFailure = null;
        int refused = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait;
            boolean pauseAll = false;
            Throttle.Permit permit = acquire(what);
            Throttle.Outcome outcome = Throttle.Outcome.OTHER;
            long started = System.nanoTime();
            attemptListener.accept(attempt > 1);
            try (Response response = http.newCall(request).execute()) {
                int code = response.code();
                if (code >= 200 && code < 300) {
                    outcome = Throttle.Outcome.SUCCESS;
                    logRequest(url, code + " " + Statuses.reason(code, response.message()), started, attempt,
                            attempts);
                    return reader.read(response, what);
                }
                byte[] body = errorBody(response);
                logRequest(url, code + " " + Statuses.reason(code, response.message()) + ", " + body.length
                        + " bytes", started, attempt, attempts);
                if (code == 404 && notFoundIsNull) {
                    outcome = Throttle.Outcome.SUCCESS;
                    return null;
                }
                if (!RetryPolicy.isRetryable(code)) {
                    throw statusError(response, body, url, what);
                }
                if (RetryPolicy.isThrottling(code)) {
                    outcome = Throttle.Outcome.THROTTLED;
                }
                lastProblem = "HTTP " + code + " " + Statuses.reason(code, response.message()) + detail(body);
                Duration asked = retries.retryAfter(response.header("Retry-After"));
                if (asked != null && retries.tooLong(asked)) {
                    throw CallxException.network(target.platform() + " asked to wait " + seconds(asked)
                            + " before retrying " + what + " (HTTP " + code + "), more than --max-wait "
                            + seconds(settings.maxWait()) + ". Try again later, or raise --max-wait", null);
                }
                pauseAll = asked != null;
                wait = asked != null ? asked : retries.backoff(attempt);
            } catch (CutBody e) {
                lastProblem = e.getMessage();
                lastFailure = e;
                wait = retries.backoff(attempt);
            } catch (IOException e) {
                logRequest(url, "failed: " + describe(e), started, attempt, attempts);
                if (!RetryPolicy.isRetryable(e)) {
                    throw failure(e, what);
                }
                lastProblem = describe(e);
                lastFailure = e;
                if ((RetryPolicy.isRefused(e) || RetryPolicy.isHandshakeTimeout(e))
                        && ++refused >= RetryPolicy.REFUSED_ATTEMPTS) {
                    attempts = attempt; // a server that is not listening, or not in TLS: no more attempts
                }
                wait = retries.backoff(attempt);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw undeclared(e, what);
            } finally {
                throttle.release(permit, outcome);
            }
            if (attempt < attempts) {
                stopIfCancelled(what);
                String line = "retrying " + what + " in " + seconds(wait) + " (attempt " + (attempt + 1) + " of "
                        + attempts + "; " + lastProblem + ")";
                boolean slowAttempt = System.nanoTime() - started >= SLOW_ATTEMPT_NANOS;
                if (wait.compareTo(Duration.ofSeconds(1)) > 0 || slowAttempt) {
                    log.warn(line); // a person has waited long enough to be told why
                } else {
                    log.debug(line);
                }
                sleep(wait, what, pauseAll);
            }
        }
        if (lastFailure instanceof CutBody) {
            throw CallxException.network("could not get " + what + " from " + target.platform() + ": "
                    + lastProblem + " on every attempt (" + attempts + "). Try again later", lastFailure);
        }
        throw CallxException.network("could not get " + what + " from " + target.platform() + " at " + origin()
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + "; last: " + lastProblem
                + ". " + (lastFailure == null ? "Try again later, or raise --retries" : advice(lastFailure)),
                lastFailure);
    }

    /** A JSON body, read whole up to the size cap. */
    private Reply readJson(Response response, String what) throws IOException {
        int code = response.code();
        byte[] body = capped(response, what);
        return new Reply(code, parse(body, code, what));
    }

    /**
     * The body, whole, or exit 7 when it is larger than --max-response-size, decoded size: a gzip
     * body is measured as it unpacks, so a small body that unpacks to gigabytes stops at the cap.
     */
    private byte[] capped(Response response, String what) throws IOException {
        long cap = settings.maxResponseSize();
        long declared = response.body().contentLength();
        if (declared > cap) {
            throw tooLarge(what, response.code());
        }
        BufferedSource source = response.body().source();
        try {
            if (source.request(cap + 1)) {
                throw tooLarge(what, response.code());
            }
            return source.readByteArray();
        } catch (CallxException e) {
            throw e;
        } catch (EOFException | ProtocolException e) {
            throw new CutBody("the body was cut short (HTTP " + response.code() + ")", e);
        } catch (IOException e) {
            if (RetryPolicy.isTimeout(e) || e instanceof SocketException) {
                throw new CutBody("the body was cut short (HTTP " + response.code() + "): " + describe(e), e);
            }
            throw e;
        }
    }

    private CallxException tooLarge(String what, int code) {
        return CallxException.badResponse(target.platform() + " sent more than " + Sizes.format(
                settings.maxResponseSize()) + " for " + what + " (HTTP " + code + "), the --max-response-size "
                + "cap; no page of calls is that large. Check --base-url, or raise --max-response-size");
    }

    /** An error body, for its message: at most 64 KB of it. */
    private static byte[] errorBody(Response response) {
        try {
            BufferedSource source = response.body().source();
            source.request(64 * 1024);
            return source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), 64 * 1024));
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private JsonNode parse(byte[] body, int code, String what) throws CutBody {
        try {
            JsonNode json = Json.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw CallxException.badResponse(target.platform() + " sent an empty body for " + what
                        + " (HTTP " + code + ") where JSON was expected. Check --base-url; if it is right, "
                        + "the platform may be failing");
            }
            return json;
        } catch (JsonEOFException e) {
            throw new CutBody("the body ended mid-JSON (HTTP " + code + "); first " + SNIPPET + " characters: "
                    + snippet(body), e);
        } catch (JsonProcessingException e) {
            throw CallxException.badResponse(target.platform() + " sent a response that is not JSON for " + what
                    + " (HTTP " + code + "): " + snippet(body)
                    + ". Check --base-url; if it is right, the platform may be failing");
        } catch (IOException e) {
            throw CallxException.badResponse(target.platform() + " sent an unreadable response for " + what
                    + " (HTTP " + code + "): " + e.getMessage());
        }
    }

    private CallxException statusError(Response response, byte[] body, HttpUrl url, String what) {
        int code = response.code();
        String status = "HTTP " + code + " " + Statuses.reason(code, response.message());
        String message = platformMessage(body);
        String said = message == null ? "" : ": " + message;
        HttpUrl landed = response.request().url();
        if (code >= 300 && code < 400) {
            return redirectError(response, url, what);
        }
        String redirected = Origins.sameOrigin(target.baseUrl(), landed) ? ""
                : " after a redirect to " + Origins.origin(landed) + ", where callx sends no credentials";
        String proxy = settings.network().proxies().describe(url);
        if (code == 407 && proxy != null) {
            return CallxException.auth(proxy + " refused callx's proxy credentials (" + status + ") for " + what
                    + ". Check the user and password in that variable (http://user:password@host:port)");
        }
        if (code == 401 || code == 403) {
            // a pre-signed URL (a recording) goes without credentials: then the URL itself was refused
            String refused = target.authHeaders().isEmpty() ? " refused the request (" : " refused the credentials (";
            return CallxException.auth(target.platform() + refused + status + ")" + redirected
                    + said + ". " + (redirected.isEmpty() ? "Check " + target.credentialEnv()
                    : "Check --base-url: the platform moved, or something in between redirects"));
        }
        if (code == 404) {
            return CallxException.notFound(target.platform() + " found nothing at " + url.encodedPath()
                    + (what.startsWith("page") ? " for " + what : "") + " (" + status + ")" + redirected + said
                    + ". Check --base-url and any id in that path");
        }
        if (code >= 400 && code < 500) {
            return CallxException.rejected(target.platform() + " rejected the request for " + what + " (" + status
                    + ")" + redirected + said + ". Check the options and --param values passed");
        }
        return CallxException.network(target.platform() + " failed on " + what + " (" + status + ")" + redirected
                + said + ". Try again later", null);
    }

    /** A redirect OkHttp did not follow: from https to plain http, which would send the data in clear. */
    private CallxException redirectError(Response response, HttpUrl url, String what) {
        String location = response.header("Location");
        HttpUrl next = location == null ? null : response.request().url().resolve(location);
        if (next != null && response.request().url().isHttps() && !next.isHttps()) {
            return CallxException.network(target.platform() + " redirected " + what + " from "
                    + log.secrets().maskUrl(response.request().url().toString()) + " to plain "
                    + log.secrets().maskUrl(next.toString()) + " (HTTP " + response.code() + "); callx refuses to "
                    + "follow https to http, which would carry the request and the data in clear text. "
                    + "Check --base-url", null);
        }
        return CallxException.badResponse(target.platform() + " answered " + what + " with a redirect callx "
                + "cannot follow (HTTP " + response.code() + ", Location " + (next == null ? "missing"
                : log.secrets().maskUrl(next.toString())) + "). Check --base-url");
    }

    private String platformMessage(byte[] body) {
        try {
            JsonNode json = Json.readTree(body);
            if (json != null && target.errorMessage() != null) {
                String m = target.errorMessage().apply(json);
                if (m != null && !m.isBlank()) {
                    return m;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the raw text
        }
        return body.length == 0 ? null : snippet(body);
    }

    private String detail(byte[] body) {
        String m = platformMessage(body);
        return m == null ? "" : ": " + m;
    }

    /**
     * A key and a secret sent as two headers (Zudu's X-API-KEY and X-API-SECRET): a server may echo
     * them as the base64 of {@code key:secret}, as Basic authentication would carry them.
     */
    private static void maskKeyAndSecretPair(java.util.Map<String, String> headers, Log log) {
        String key = null;
        String secret = null;
        for (java.util.Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith("-key")) {
                key = h.getValue();
            } else if (name.endsWith("-secret")) {
                secret = h.getValue();
            }
        }
        if (key != null && secret != null) {
            log.secrets().addUserInfo(key, secret);
        }
    }

    /**
     * A request whose thread was interrupted (a page past the end cancelled, Ctrl-C) is not retried:
     * its failure is the cancellation, not the server's, and nobody waits for its answer.
     */
    private void stopIfCancelled(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled(what);
        }
    }

    private CallxException cancelled(String what) {
        return new CallxException(ExitCode.INTERRUPTED, "interrupted while fetching " + what + " from "
                + target.platform() + "; nothing more was fetched. Run the command again for a full export");
    }

    /**
     * A checked exception the call did not declare: OkHttp is Kotlin, and its connect (fast fallback
     * waits on a queue) throws {@link InterruptedException} when the thread is interrupted. That is
     * the run being cancelled (exit 130), with the thread's interrupt kept for whoever waits on it.
     */
    private RuntimeException undeclared(Exception e, String what) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return cancelled(what);
        }
        return new IllegalStateException("unexpected failure fetching " + what, e);
    }

    /** Full jitter backoff (see {@link RetryPolicy#backoff}). */
    Duration backoff(int attempt) {
        return retries.backoff(attempt);
    }

    private Throttle.Permit acquire(String what) {
        try {
            return throttle.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallxException(ExitCode.INTERRUPTED, "interrupted before fetching " + what + " from "
                    + target.platform() + "; nothing more was fetched. Run the command again for a full export");
        }
    }

    /** Waits before the next attempt; a Retry-After ({@code pauseAll}) holds the run's other requests too. */
    private void sleep(Duration wait, String what, boolean pauseAll) {
        try {
            if (pauseAll) {
                throttle.pause(wait, sleeper);
            } else {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallxException(ExitCode.INTERRUPTED, "interrupted while waiting to retry " + what + " from "
                    + target.platform() + "; nothing more was fetched. Run the command again for a full export");
        }
    }

    private void logRequest(HttpUrl url, String outcome, long startedNanos, int attempt, int attempts) {
        if (log.verbose()) {
            long ms = (System.nanoTime() - startedNanos) / 1_000_000;
            log.debug("GET " + log.secrets().maskUrl(url.toString()) + " -> " + outcome + ", " + ms + " ms (attempt "
                    + attempt + "/" + attempts + ")");
        }
    }

    private String origin() {
        HttpUrl b = target.baseUrl();
        return b.scheme() + "://" + b.host() + ":" + b.port();
    }

    private String describe(IOException e) {
        if (RetryPolicy.isHandshakeTimeout(e)) {
            return "no answer to the TLS handshake within " + seconds(settings.timeout());
        }
        if (RetryPolicy.isTimeout(e)) {
            return "timed out after " + seconds(settings.timeout());
        }
        if (RetryPolicy.isRefused(e)) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + target.baseUrl().host();
        }
        if (RetryPolicy.isRedirectLoop(e)) {
            return "more than 20 redirects";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** A failure not worth another attempt, with the advice that fits its cause. */
    private CallxException failure(IOException e, String what) {
        String message = "could not get " + what + " from " + target.platform() + " at " + origin() + ": "
                + describe(e) + ". " + advice(e);
        if (RetryPolicy.isProxyAuth(e)) {
            return CallxException.auth(message);
        }
        return RetryPolicy.isRedirectLoop(e) ? CallxException.badResponse(message)
                : CallxException.network(message, e);
    }

    /** What to do next, by cause. */
    private String advice(IOException e) {
        String proxy = settings.network().proxies().describe(target.baseUrl());
        if (proxy != null && (RetryPolicy.isRefused(e) || RetryPolicy.isProxyAuth(e))) {
            return RetryPolicy.isProxyAuth(e)
                    ? "Check the user and password of " + proxy + " (http://user:password@host:port)"
                    : "Is " + proxy + " running? Check that variable, or NO_PROXY for hosts to reach directly";
        }
        if (e instanceof UnknownHostException) {
            return "Check --base-url and your DNS";
        }
        if (RetryPolicy.isRefused(e)) {
            return "Is the URL right? Nothing is listening at " + origin() + "; check --base-url";
        }
        if (RetryPolicy.isHandshakeTimeout(e)) {
            return "The server took the connection but never answered the TLS handshake: if it speaks plain "
                    + "http, check http:// against https:// in --base-url; else raise --timeout";
        }
        if (RetryPolicy.isTimeout(e)) {
            return "The server was too slow: try again later, or raise --timeout";
        }
        if (RetryPolicy.isRedirectLoop(e)) {
            return "The server redirects in a loop; check --base-url";
        }
        if (RetryPolicy.isPlainHttp(e)) {
            return "The server does not speak TLS there: check http:// against https:// in --base-url";
        }
        if (e instanceof SSLException) {
            return "Check the server's TLS certificate (a private CA? pass --ca-cert FILE) and --base-url";
        }
        return "Try again later, or raise --retries and --timeout; check --base-url if the address is wrong";
    }

    private String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8);
        if (text.length() > SNIPPET) {
            text = text.substring(0, SNIPPET) + "…";
        }
        return "\"" + log.secrets().mask(text.replaceAll("\\s+", " ").strip()) + "\"";
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
