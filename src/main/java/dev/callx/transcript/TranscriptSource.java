package dev.callx.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * Where {@code --transcripts} finds an endpoint's transcripts (SPEC section 10): in the list's own
 * answer, at no cost in requests, or one request per call.
 */
public sealed interface TranscriptSource {

    /** In the list's answer (Ravan phone-history with {@code include_transcripts}, Zudu): no request. */
    TranscriptSource IN_LIST = new InList();

    /** The transcripts are in the records of the list. */
    record InList() implements TranscriptSource {
    }

    /**
     * One GET per call, {@code <base URL>/<prefix...>/<call id>}, with the platform's credentials;
     * an HTTP 404 is "not there yet".
     *
     * @param prefix the path segments before the call id, e.g. {@code api, transcript}
     * @param reader the body read into the rendered transcript (null when it holds none); throws
     *               {@link UnexpectedBodyException} on a body of another shape
     * @param what   what one request fetches, for messages ("transcript", "session detail")
     */
    record PerCall(List<String> prefix, Function<JsonNode, String> reader, String what) implements TranscriptSource {
        public PerCall {
            prefix = List.copyOf(prefix);
        }
    }
}
