package dev.callx.provider.ravan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.record.RecordBuilder;
import dev.callx.record.Warnings;
import dev.callx.transcript.Transcripts;
import java.time.ZoneId;

/**
 * Maps a Ravan call to the normalized record. One mapper serves all three endpoints: it reads the
 * camelCase names of call-sessions and contact calls, and the snake_case names of phone-history
 * and of call-sessions' second response shape.
 */
final class RavanMapper {
    private RavanMapper() {
    }

    static String idOf(JsonNode record) {
        return RecordBuilder.asText(record.get("id"));
    }

    static CallRecord map(JsonNode raw, Warnings warnings, ZoneId assumeZone) {
        RecordBuilder b = new RecordBuilder(raw, Ravan.PLATFORM.key(), warnings, assumeZone);
        b.text(Field.ID, "id")
                .timestamp(Field.STARTED_AT, "startedAt", "started_at")
                .timestamp(Field.ENDED_AT, "endedAt", "ended_at")
                .number(Field.DURATION_SEC, "durationSec", "duration_sec")
                .text(Field.CHANNEL, "channel")
                .text(Field.STATUS, "status")
                .text(Field.FROM_NUMBER, "callerNumber", "caller_number")
                .text(Field.TO_NUMBER, "calleeNumber", "callee_number")
                .text(Field.CALLER_NAME, "callerName", "caller_name")
                .text(Field.CALLER_EMAIL, "callerEmail", "caller_email")
                .text(Field.AGENT_ID, "agentId", "agent_id")
                .text(Field.AGENT_NAME, "agentName", "agent_name")
                .text(Field.ORGANIZATION_ID, "organizationId", "organization_id")
                .number(Field.COST, "costTotal", "cost_total")
                .text(Field.SUMMARY, "summary")
                .text(Field.SENTIMENT, "postCallAnalysisResult.sentiment", "post_call_analysis_result.sentiment")
                .text(Field.DISCONNECT_REASON, "disconnectReason", "disconnect_reason")
                .number(Field.LATENCY_MS, "callLatencyMs", "call_latency_ms")
                .text(Field.RECORDING_URL, "recordingUrl", "recording_url")
                .set(Field.TRANSCRIPT, Transcripts.turns(b.at("transcripts")))
                .text(Field.ERROR_MESSAGE, "errorMessage", "error_message")
                .object(Field.METADATA, "metadata");
        return b.build();
    }
}
