package dev.callx.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** Writes Ravan's two record shapes: snake_case phone-history calls and camelCase call sessions. */
final class RavanJson {

    private final RavanView v;

    RavanJson(RavanView view) {
        this.v = view;
    }

    /** One element of phone-history's {@code calls}. */
    void historyCall(JsonGenerator g, SyntheticCall c, boolean withTranscripts) throws IOException {
        Dataset d = v.data();
        Customer who = d.customer(c);
        Agent agent = d.agent(c);
        String id = v.id(c);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("agent_id", agent.id());
        g.writeStringField("agent_name", agent.name());
        g.writeStringField("organization_id", d.organizationId());
        g.writeStringField("caller_number", v.callerNumber(c));
        g.writeStringField("callee_number", v.calleeNumber(c));
        g.writeStringField("caller_name", who.name());
        Json.stringOrNull(g, "caller_email", who.email());
        g.writeStringField("channel", v.channel(c));
        g.writeStringField("status", v.status(c));
        g.writeStringField("summary", v.summary(c));
        Json.stringOrNull(g, "recording_url", v.recordingUrl(c));
        g.writeNumberField("duration_sec", c.durationSec());
        g.writeStringField("cost_total", Json.money(v.totalCents(c)));
        g.writeNumberField("twilio_cost", v.providerCents(c) / 100.0);
        g.writeNumberField("model_cost", v.modelCents(c) / 100.0);
        g.writeObjectFieldStart("credit_breakdown");
        g.writeNumberField("model_credits", v.modelCents(c) / 100.0);
        g.writeNumberField("provider_credits", v.providerCents(c) / 100.0);
        g.writeNumberField("telephony_base_credits", v.baseCents(c) / 100.0);
        g.writeEndObject();
        g.writeStringField("disconnect_reason", v.disconnectReason(c));
        latency(g, "call_latency_ms", c);
        g.writeStringField("error_message", v.errorMessage(c));
        analysis(g, "post_call_analysis_result", c);
        metadata(g, c, who);
        g.writeStringField("started_at", Json.iso(v.startedAtMs(c)));
        g.writeStringField("ended_at", Json.iso(v.endedAtMs(c)));
        g.writeStringField("created_at", Json.iso(v.createdAtMs(c)));
        if (withTranscripts) {
            transcripts(g, c, id, agent.name());
        }
        g.writeEndObject();
    }

    /** One call session, as in call-sessions' {@code data.callSessions} and contact-calls' {@code data}. */
    void session(JsonGenerator g, SyntheticCall c) throws IOException {
        Dataset d = v.data();
        Customer who = d.customer(c);
        Agent agent = d.agent(c);
        g.writeStartObject();
        g.writeStringField("id", v.id(c));
        g.writeStringField("agentId", agent.id());
        g.writeStringField("organizationId", d.organizationId());
        g.writeStringField("roomId", v.roomId(c));
        g.writeStringField("callerNumber", v.callerNumber(c));
        g.writeStringField("calleeNumber", v.calleeNumber(c));
        g.writeStringField("callerName", who.name());
        Json.stringOrNull(g, "callerEmail", who.email());
        g.writeStringField("channel", v.channel(c));
        g.writeStringField("status", v.status(c));
        g.writeStringField("summary", v.summary(c));
        metadata(g, c, who);
        g.writeStringField("errorMessage", v.errorMessage(c));
        g.writeStringField("disconnectReason", v.disconnectReason(c));
        g.writeObjectFieldStart("promptDynamicVariables");
        g.writeStringField("customer_name", who.name());
        g.writeEndObject();
        if (c.outcome().answered()) {
            g.writeObjectFieldStart("extractDynamicVariables");
            g.writeStringField("intent", v.intent(c));
            g.writeEndObject();
        } else {
            g.writeNullField("extractDynamicVariables");
        }
        latency(g, "callLatencyMs", c);
        g.writeStringField("startedAt", Json.iso(v.startedAtMs(c)));
        g.writeStringField("endedAt", Json.iso(v.endedAtMs(c)));
        g.writeNumberField("durationSec", c.durationSec());
        g.writeStringField("createdAt", Json.iso(v.createdAtMs(c)));
        Json.stringOrNull(g, "recordingUrl", v.presignedRecordingUrl(c));
        g.writeStringField("costTotal", Json.money(v.totalCents(c)));
        g.writeStringField("agentName", agent.name());
        analysis(g, "postCallAnalysisResult", c);
        g.writeObjectFieldStart("creditBreakdown");
        g.writeStringField("channel", v.channel(c));
        g.writeNumberField("duration_sec", c.durationSec());
        g.writeNumberField("model_credits", v.modelCents(c) / 100.0);
        g.writeNumberField("provider_credits", v.providerCents(c) / 100.0);
        g.writeBooleanField("provider_managed", true);
        g.writeStringField("telephony_type", v.telephonyType(c));
        g.writeNumberField("total_credits", v.totalCents(c) / 100.0);
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * {@code data} of the session detail (api-docs/ravan-call-session-detail.txt): snake_case, the
     * documented fields in the documented order, with {@code transcripts} (empty when the call was
     * not answered or its transcript is not generated yet).
     */
    void detail(JsonGenerator g, SyntheticCall c) throws IOException {
        Dataset d = v.data();
        Customer who = d.customer(c);
        Agent agent = d.agent(c);
        String id = v.id(c);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("agent_id", agent.id());
        g.writeStringField("agent_name", agent.name());
        g.writeStringField("organization_id", d.organizationId());
        g.writeStringField("room_id", v.roomId(c));
        g.writeStringField("caller_number", v.callerNumber(c));
        g.writeStringField("callee_number", v.calleeNumber(c));
        g.writeStringField("channel", v.channel(c));
        g.writeStringField("status", v.status(c));
        g.writeStringField("summary", v.summary(c));
        metadata(g, c, who);
        g.writeStringField("disconnect_reason", v.disconnectReason(c));
        latency(g, "call_latency_ms", c);
        g.writeNumberField("duration_sec", c.durationSec());
        Json.stringOrNull(g, "recording_url", v.presignedRecordingUrl(c));
        g.writeStringField("cost_total", Json.money(v.totalCents(c)));
        g.writeObjectFieldStart("credit_breakdown");
        g.writeNumberField("model_credits", v.modelCents(c) / 100.0);
        g.writeNumberField("provider_credits", v.providerCents(c) / 100.0);
        g.writeNumberField("telephony_base_credits", v.baseCents(c) / 100.0);
        g.writeEndObject();
        analysis(g, "post_call_analysis_result", c);
        g.writeStringField("started_at", Json.iso(v.startedAtMs(c)));
        g.writeStringField("ended_at", Json.iso(v.endedAtMs(c)));
        g.writeStringField("created_at", Json.iso(v.createdAtMs(c)));
        transcripts(g, c, id, agent.name());
        g.writeEndObject();
    }

    private void latency(JsonGenerator g, String name, SyntheticCall c) throws IOException {
        Integer ms = v.latencyMs(c);
        if (ms == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, ms);
        }
    }

    private void analysis(JsonGenerator g, String name, SyntheticCall c) throws IOException {
        g.writeObjectFieldStart(name);
        String sentiment = v.sentiment(c);
        if (sentiment != null) {
            g.writeStringField("sentiment", sentiment);
            g.writeBooleanField("call_successful", c.sentiment() != 2);
        }
        g.writeEndObject();
    }

    private void metadata(JsonGenerator g, SyntheticCall c, Customer who) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("source", v.source(c));
        g.writeStringField("contact_id", who.contactId());
        g.writeEndObject();
    }

    /** The same turns, ids and times in phone-history and the session detail; none while not generated. */
    private void transcripts(JsonGenerator g, SyntheticCall c, String callId, String agentName) throws IOException {
        List<Conversation.Turn> turns = v.hasTranscript(c) ? Conversation.turns(c, agentName) : List.of();
        g.writeArrayFieldStart("transcripts");
        for (int t = 0; t < turns.size(); t++) {
            Conversation.Turn turn = turns.get(t);
            long at = v.startedAtMs(c) + turn.offsetMs();
            g.writeStartObject();
            g.writeStringField("id", Dataset.uuid(c.idHi() + 31L * (t + 1)));
            g.writeStringField("call_session_id", callId);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", turn.role());
            g.writeStringField("content", turn.content());
            g.writeEndObject();
            g.writeNumberField("timestamp_ms", at);
            g.writeStringField("created_at", Json.iso(at + 250));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
