package dev.callx.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.log.Log;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * GETs JSON from one platform: sends the credentials only to the configured origin, retries what
 * is worth retrying with exponential backoff and full jitter, honours Retry-After, and turns every
 * failure into a {@link CallxException} with the exit code of SPEC section 7 and a message that
 * names the platform, the HTTP status, the platform's own message and what to do next.
 */
public final class ApiClient {
    private static final int SNIPPET = 200;

    private final OkHttpClient http;
    private final Target target;
    private final HttpSettings settings;
    private final Log log;
    private final Sleeper sleeper;
    private final Random random;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ApiClient(Target target, HttpSettings settings, Log log, Sleeper sleeper, Random random, Clock clock,
                     ObjectMapper mapper) {
        Origins.checkScheme(target.baseUrl(), settings.allowHttp());
        this.target = target;
        this.settings = settings;
        this.log = log;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        this.mapper = mapper;
        target.authHeaders().values().forEach(log.secrets()::add);
        checkHeaderValues(target);
        this.http = HttpClients.create(target, settings);
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

    /** A successful answer: its HTTP status (2xx) and its body. */
    public record Reply(int status, JsonNode body) {
    }

    /**
     * GETs {@code url} and parses its body as JSON.
     *
     * @param what what is being fetched, for messages ("page 3", "contact ct_1")
     */
    public Reply getJson(HttpUrl url, String what) {
        Request.Builder rb = new Request.Builder().url(url).get().header("Accept", "application/json")
                .header("User-Agent", "callx");
        target.authHeaders().forEach(rb::header);
        Request request = rb.build();
        int attempts = settings.retries() + 1;
        String lastProblem = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long started = System.nanoTime();
            Duration wait;
            try {
                Call call = http.newCall(request);
                try (Response response = call.execute()) {
                    int code = response.code();
                    byte[] body = response.body().bytes();
                    logRequest(url, code + " " + Statuses.reason(code, response.message()) + ", " + body.length
                            + " bytes", started, attempt, attempts);
                    if (code >= 200 && code < 300) {
                        JsonNode json = parse(body, code, what, attempt < attempts);
                        if (json != null) {
                            return new Reply(code, json);
                        }
                        lastProblem = "the body ended mid-JSON (HTTP " + code + ")";
                        wait = backoff(attempt);
                    } else if (isRetryable(code)) {
                        lastProblem = "HTTP " + code + " " + Statuses.reason(code, response.message())
                                + detail(body);
                        wait = retryAfter(response.header("Retry-After"), attempt, code, what);
                    } else {
                        throw statusError(code, response.message(), body, url, what);
                    }
                }
            } catch (IOException e) {
                logRequest(url, "failed: " + describe(e), started, attempt, attempts);
                if (!isRetryable(e)) {
                    throw CallxException.network("could not get " + what + " from " + target.platform() + " at "
                            + origin() + ": " + describe(e) + ". " + advice(e), e);
                }
                lastProblem = describe(e);
                wait = backoff(attempt);
            }
            if (attempt < attempts) {
                log.debug("retrying " + what + " in " + seconds(wait) + " (" + lastProblem + ")");
                sleep(wait, what);
            }
        }
        throw CallxException.network("could not get " + what + " from " + target.platform() + " at " + origin()
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + "; last: " + lastProblem
                + ". Try again later, or raise --retries and --timeout; check --base-url if the address is wrong",
                null);
    }

    private JsonNode parse(byte[] body, int code, String what, boolean mayRetry) {
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw CallxException.badResponse(target.platform() + " sent an empty body for " + what
                        + " (HTTP " + code + ") where JSON was expected. Check --base-url; if it is right, "
                        + "the platform may be failing");
            }
            return json;
        } catch (JsonEOFException e) {
            if (mayRetry) {
                return null;
            }
            throw CallxException.network("could not get " + what + " from " + target.platform() + " (HTTP " + code
                    + "): the body ended mid-JSON on every attempt (" + (settings.retries() + 1) + "); first "
                    + SNIPPET + " characters: " + snippet(body) + ". Try again later", e);
        } catch (JsonProcessingException e) {
            throw CallxException.badResponse(target.platform() + " sent a response that is not JSON for " + what
                    + " (HTTP " + code + "): " + snippet(body)
                    + ". Check --base-url; if it is right, the platform may be failing");
        } catch (IOException e) {
            throw CallxException.badResponse(target.platform() + " sent an unreadable response for " + what
                    + " (HTTP " + code + "): " + e.getMessage());
        }
    }

    private CallxException statusError(int code, String reason, byte[] body, HttpUrl url, String what) {
        String status = "HTTP " + code + " " + Statuses.reason(code, reason);
        String message = platformMessage(body);
        String said = message == null ? "" : ": " + message;
        if (code == 401 || code == 403) {
            return CallxException.auth(target.platform() + " refused the credentials (" + status + ")" + said
                    + ". Check " + target.credentialEnv());
        }
        if (code == 404) {
            return CallxException.notFound(target.platform() + " found nothing at " + url.encodedPath()
                    + (what.startsWith("page") ? " for " + what : "") + " (" + status + ")" + said
                    + ". Check --base-url and any id in that path");
        }
        if (code >= 400 && code < 500) {
            return CallxException.rejected(target.platform() + " rejected the request for " + what + " (" + status
                    + ")" + said + ". Check the options and --param values passed");
        }
        return CallxException.network(target.platform() + " failed on " + what + " (" + status + ")" + said
                + ". Try again later", null);
    }

    private String platformMessage(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
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

    private static boolean isRetryable(int code) {
        return code == 429 || code == 502 || code == 503 || code == 504;
    }

    private static boolean isRetryable(IOException e) {
        return !(e instanceof UnknownHostException || e instanceof SSLHandshakeException
                || e instanceof SSLPeerUnverifiedException);
    }

    private Duration retryAfter(String header, int attempt, int code, String what) {
        Duration asked = RetryAfter.parse(header, clock);
        if (asked == null) {
            return backoff(attempt);
        }
        if (asked.compareTo(settings.maxWait()) > 0) {
            throw CallxException.network(target.platform() + " asked to wait " + seconds(asked)
                    + " before retrying " + what + " (HTTP " + code + "), more than --max-wait "
                    + seconds(settings.maxWait()) + ". Try again later, or raise --max-wait", null);
        }
        return asked;
    }

    /** Full jitter: a random wait between 0 and min(cap, base * 2^(attempt-1)), at most --max-wait. */
    Duration backoff(int attempt) {
        long ceiling = HttpSettings.BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 16);
        ceiling = Math.min(ceiling, HttpSettings.BACKOFF_CAP.toMillis());
        ceiling = Math.min(ceiling, settings.maxWait().toMillis());
        return Duration.ofMillis(ceiling <= 0 ? 0 : (long) (random.nextDouble() * ceiling));
    }

    private void sleep(Duration wait, String what) {
        try {
            sleeper.sleep(wait);
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
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException
                && "timeout".equals(e.getMessage()))) {
            return "timed out after " + seconds(settings.timeout());
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + target.baseUrl().host();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String advice(IOException e) {
        if (e instanceof UnknownHostException) {
            return "Check --base-url and your DNS";
        }
        return "Check the server's TLS certificate and --base-url";
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
