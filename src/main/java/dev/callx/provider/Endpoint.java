package dev.callx.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.paging.Page;
import dev.callx.record.CallRecord;
import dev.callx.record.Warnings;
import dev.callx.transcript.TranscriptSource;
import java.time.ZoneId;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * One list API of one platform: where it is, how it pages, how its answer reads and how its
 * records map to the normalized record. It knows nothing of output.
 */
public interface Endpoint {
    Platform platform();

    Paging paging();

    /** The credential headers, from the environment; a missing one is an auth error naming the variable. */
    Map<String, String> authHeaders(Map<String, String> env);

    /** The variable(s) to check when the platform refuses the credentials. */
    String credentialEnv(Map<String, String> env);

    /**
     * The request URL for a page, with every query parameter the command's options set.
     * For an endpoint without paging, {@code page} and {@code pageSize} are ignored.
     */
    HttpUrl url(HttpUrl base, long page, int pageSize);

    /**
     * Reads one response.
     *
     * @param what "page 3 (HTTP 200)": what was fetched and the status it came with, for messages
     * @throws dev.callx.error.CallxException exit 7 when the body is not of the documented shape,
     *                                        exit 5 when it says the request failed
     */
    Page parse(JsonNode body, String what);

    /**
     * Whether --since/--until are sent to the server as query parameters, so the answer is already
     * filtered (SPEC 5); otherwise they filter on the client.
     */
    default boolean filtersTimeOnServer() {
        return false;
    }

    /** What a request fetches, for messages: "page 3", or for an endpoint without paging its subject. */
    default String what(long page) {
        return paging().paged() ? "page " + page : "the request";
    }

    /**
     * Where {@code --transcripts} finds this endpoint's transcripts (SPEC section 10): in the list's
     * answer (the default: no request of its own), or one request per call.
     */
    default TranscriptSource transcripts() {
        return TranscriptSource.IN_LIST;
    }

    /** The record's id for de-duplication, or null. */
    String idOf(JsonNode record);

    CallRecord map(JsonNode record, Warnings warnings, ZoneId assumeZone);
}
