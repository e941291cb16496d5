package dev.callx.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes Vaani call-history records: zone-less UTC timestamps with microseconds, Title-case statuses. */
final class VaaniJson {

    static final String CLIENT_NAME = "sandbox-client";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final Dataset data;
    private final String baseUrl;

    VaaniJson(Dataset data, String baseUrl) {
        this.data = data;
        this.baseUrl = baseUrl;
    }

    static String callStatus(Outcome o) {
        switch (o) {
            case USER_HANGUP:
                return "User disconnected";
            case AGENT_HANGUP:
                return "Agent disconnected";
            case COMPLETED:
                return "Completed";
            case NO_ANSWER:
                return "No answer";
            default:
                return "Failed";
        }
    }

    /** UTC wall time without zone, e.g. {@code 2026-04-21T12:27:23.335803}. */
    static String local(long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        int nanos = (int) Math.floorMod(epochMicros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).format(LOCAL);
    }

    /** {@code outbound-1776774443-863aa698}: direction, start in epoch seconds, 8 hex digits. */
    static String callId(SyntheticCall c) {
        return (c.inbound() ? "inbound-" : "outbound-") + Math.floorDiv(c.startMs(), 1000L) + "-" + c.hex(0, 8);
    }

    void record(JsonGenerator g, SyntheticCall c) throws IOException {
        Customer who = data.customer(c);
        Agent agent = data.agent(c);
        String direction = c.inbound() ? "Inbound" : "Outbound";
        String callId = callId(c);
        long startMicros = c.startMs() * 1000L + c.micros();
        long endMicros = startMicros + c.durationMs() * 1000L + c.pick(1, 1000);
        boolean answered = c.outcome().answered();
        boolean callback = answered && Vocabulary.TOPICS.get(c.topic()).intent().equals("callback");
        g.writeStartObject();
        g.writeStringField("call_id", callId);
        g.writeStringField("call_type", direction);
        g.writeStringField("call_status", callStatus(c.outcome()));
        g.writeStringField("direction", direction);
        g.writeStringField("agent_name", agent.name());
        g.writeStringField("agent_id", agent.id());
        g.writeStringField("client_name", CLIENT_NAME);
        g.writeStringField("client_id", data.organizationId());
        g.writeStringField("from_number", c.inbound() ? who.phone() : agent.line());
        g.writeStringField("to_number", c.inbound() ? agent.line() : who.phone());
        g.writeStringField("Start_time", local(startMicros));
        g.writeStringField("End_time", local(endMicros));
        g.writeFieldName("duration_ms");
        g.writeNumber(BigDecimal.valueOf(endMicros - startMicros, 3));
        g.writeNumberField("call_cost", answered ? Math.round((c.durationMs() - c.answerMs()) * 3.5 / 600.0) / 100.0 : 0.0);
        Json.stringOrNull(g, "call_summary", answered ? Conversation.summary(c, who.name(), agent.name()) : null);
        Json.emptyObject(g, "call_entity");
        g.writeStringField("call_eval_tag", Vocabulary.EVAL_TAGS.get(c.pick(2, Vocabulary.EVAL_TAGS.size())));
        Json.emptyObject(g, "call_conversation_quality");
        g.writeStringField("post_processing_status", answered ? "completed" : "skipped");
        Json.stringOrNull(g, "call_dialing_at", c.inbound() ? null : local(startMicros + c.answerMs() * 200L));
        Json.stringOrNull(g, "call_ringing_at", c.inbound() ? null : local(startMicros + c.answerMs() * 500L));
        Json.stringOrNull(g, "user_picked_up_at", answered ? local(startMicros + c.answerMs() * 1000L) : null);
        Json.stringOrNull(g, "recording_api", answered ? baseUrl + "/api/stream/" + callId : null);
        Json.stringOrNull(g, "call_transcription", answered ? baseUrl + "/api/transcript/" + callId : null);
        g.writeObjectFieldStart("call_metadata");
        g.writeStringField("name", who.name());
        g.writeStringField("phone", who.phone());
        g.writeStringField("agent_name", agent.name());
        g.writeStringField("agent_id", agent.id());
        g.writeStringField("client_id", data.organizationId());
        g.writeEndObject();
        Json.emptyArray(g, "chat_history");
        g.writeBooleanField("callback_requested", callback);
        Json.stringOrNull(g, "callback_id", callback ? "cb_" + c.hex(3, 12) : null);
        Json.stringOrNull(g, "callback_status", callback ? "scheduled" : null);
        g.writeEndObject();
    }
}
