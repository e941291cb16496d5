package dev.callx.provider.vaani;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.paging.Page;
import dev.callx.provider.BaseEndpoint;
import dev.callx.provider.Credentials;
import dev.callx.provider.ErrorMessages;
import dev.callx.provider.Paging;
import dev.callx.provider.Platform;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.record.RecordBuilder;
import dev.callx.record.Warnings;
import dev.callx.transcript.DetailBodies;
import dev.callx.transcript.TranscriptSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Vaani Voice {@code GET /api/call-history} (api-docs/vaani-call-history.txt): {@code page} from 1,
 * {@code page_size} up to 200, {@code pagination.{total_count,total_pages,has_next}}. Its timestamps
 * carry no zone: they are read in {@code --assume-tz}.
 */
public final class VaaniCallHistoryEndpoint extends BaseEndpoint {
    public static final Platform PLATFORM = new Platform("vaani", "Vaani Voice", "https://api.vaanivoice.ai",
            "VAANI_BASE_URL", body -> ErrorMessages.first(body, "detail", "message", "error"));
    public static final String API_KEY_ENV = "VAANI_API_KEY";
    /** The documented maximum page size, which callx asks for. */
    public static final int MAX_PAGE_SIZE = 200;
    static final Paging PAGING = new Paging("page", "page_size", 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    static final TranscriptSource TRANSCRIPT = new TranscriptSource.PerCall(List.of("api", "transcript"),
            DetailBodies::vaaniTranscript, "transcript");

    public VaaniCallHistoryEndpoint() {
        super(PLATFORM, List.of("api", "call-history"), Map.of(), PAGING);
    }

    @Override
    public Map<String, String> authHeaders(Map<String, String> env) {
        return Map.of("X-API-Key", Credentials.require(env, API_KEY_ENV, PLATFORM.displayName()));
    }

    @Override
    public String credentialEnv(Map<String, String> env) {
        return API_KEY_ENV;
    }

    @Override
    public Page parse(JsonNode body, String what) {
        List<JsonNode> items = requireArray(body, "data", what);
        return new Page(items, boolAt(body, "pagination.has_next"), longAt(body, "pagination.total_pages"),
                longAt(body, "pagination.total_count"));
    }

    /** {@code GET /api/transcript/{call_id}} (api-docs/vaani-transcript.txt), one request per call. */
    @Override
    public TranscriptSource transcripts() {
        return TRANSCRIPT;
    }

    @Override
    public String idOf(JsonNode record) {
        return RecordBuilder.asText(record.get("call_id"));
    }

    @Override
    public CallRecord map(JsonNode raw, Warnings warnings, ZoneId assumeZone) {
        return new RecordBuilder(raw, PLATFORM.key(), warnings, assumeZone)
                .text(Field.ID, "call_id")
                .timestamp(Field.STARTED_AT, "Start_time")
                .timestamp(Field.ENDED_AT, "End_time")
                .scaled(Field.DURATION_SEC, 3, "duration_ms")
                .lower(Field.DIRECTION, "direction")
                .text(Field.STATUS, "call_status")
                .text(Field.FROM_NUMBER, "from_number")
                .text(Field.TO_NUMBER, "to_number")
                .text(Field.CALLER_NAME, "call_metadata.name")
                .text(Field.AGENT_ID, "agent_id")
                .text(Field.AGENT_NAME, "agent_name")
                .text(Field.ORGANIZATION_ID, "client_id")
                .number(Field.COST, "call_cost")
                .text(Field.SUMMARY, "call_summary")
                .text(Field.RECORDING_URL, "recording_api")
                .text(Field.TRANSCRIPT_URL, "call_transcription")
                .object(Field.METADATA, "call_metadata")
                .build();
    }
}
