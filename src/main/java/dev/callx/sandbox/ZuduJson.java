package dev.callx.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;

/** Writes Zudu call records: epoch-millisecond timestamps, UPPER_CASE enums, nested analysis and cost. */
final class ZuduJson {

    static final String FOLDER = "zudu";

    private final Dataset data;
    private final String baseUrl;
    private final Storage storage;

    ZuduJson(Dataset data, String baseUrl, Storage storage) {
        this.data = data;
        this.baseUrl = baseUrl;
        this.storage = storage;
    }

    static String callId(SyntheticCall c) {
        return "call_" + c.hex(0, 24);
    }

    static String callStatus(Outcome o) {
        return o.answered() ? "ENDED" : o == Outcome.NO_ANSWER ? "NOT_CONNECTED" : "ERROR";
    }

    static String disconnectionReason(Outcome o) {
        switch (o) {
            case USER_HANGUP:
                return "USER_HANGUP";
            case AGENT_HANGUP:
                return "AGENT_HANGUP";
            case COMPLETED:
                return "CALL_TRANSFER";
            case NO_ANSWER:
                return "DIAL_NO_ANSWER";
            default:
                return "ERROR_UNKNOWN";
        }
    }

    /** Combined cost in dollars: 0.07 per connected minute, rounded to 3 decimals. */
    static double combinedCost(SyntheticCall c) {
        int talkMs = c.outcome().answered() ? c.durationMs() - c.answerMs() : 0;
        return Math.round(talkMs * 0.07 / 60.0) / 1000.0;
    }

    void record(JsonGenerator g, SyntheticCall c) throws IOException {
        Customer who = data.customer(c);
        Agent agent = data.agent(c);
        String callId = callId(c);
        boolean web = c.channel() == 1;
        boolean answered = c.outcome().answered();
        g.writeStartObject();
        g.writeStringField("id", c.uuid().toString());
        g.writeStringField("call_id", callId);
        g.writeStringField("agent_id", agent.id());
        g.writeStringField("organization_id", data.organizationId());
        g.writeStringField("call_status", callStatus(c.outcome()));
        g.writeStringField("call_type", web ? "WEB_CALL" : "PHONE_CALL");
        g.writeStringField("direction", c.inbound() ? "INBOUND" : "OUTBOUND");
        Json.stringOrNull(g, "from_number", web ? null : c.inbound() ? who.phone() : agent.line());
        Json.stringOrNull(g, "to_number", web ? null : c.inbound() ? agent.line() : who.phone());
        g.writeNumberField("start_timestamp", c.startMs());
        g.writeNumberField("end_timestamp", c.endMs());
        g.writeNumberField("call_duration", c.durationMs());
        g.writeStringField("disconnection_reason", disconnectionReason(c.outcome()));
        Json.stringOrNull(g, "recording_url", answered ? storage.url(FOLDER + "/" + callId + ".mp4") : null);
        g.writeStringField("public_log_url", baseUrl + "/logs/" + callId);
        g.writeBooleanField("opt_out_sensitive_data_storage", false);
        g.writeObjectFieldStart("metadata");
        g.writeStringField("customer_id", String.format(Locale.ROOT, "cust-%04d", who.index() + 1));
        g.writeStringField("priority", Vocabulary.PRIORITIES.get(c.pick(1, Vocabulary.PRIORITIES.size())));
        g.writeStringField("campaign", Vocabulary.CAMPAIGNS.get(c.pick(2, Vocabulary.CAMPAIGNS.size())));
        g.writeStringField("batch_call_id", String.format(Locale.ROOT, "batch-%03d", c.pick(3, 40) + 1));
        g.writeEndObject();
        Json.emptyArray(g, "events");
        Json.stringOrNull(g, "transcript", Conversation.plainText(c, agent.name()));
        Json.emptyArray(g, "transcript_object");
        Json.emptyArray(g, "transcript_with_tool_calls");
        latency(g, c);
        g.writeObjectFieldStart("call_analysis");
        g.writeBooleanField("call_successful", answered && c.sentiment() != 2);
        g.writeStringField("call_summary", Conversation.summary(c, who.name(), agent.name()));
        g.writeStringField("user_sentiment", answered ? Vocabulary.ZUDU_SENTIMENTS.get(c.sentiment()) : "Unknown");
        g.writeBooleanField("in_voicemail", c.outcome() == Outcome.NO_ANSWER && !c.inbound() && c.pick(4, 3) == 0);
        g.writeEndObject();
        g.writeObjectFieldStart("call_cost");
        g.writeNumberField("combined_cost", combinedCost(c));
        g.writeEndObject();
        if (web) {
            g.writeNullField("telephony_identifier");
        } else {
            g.writeObjectFieldStart("telephony_identifier");
            g.writeStringField("call_sid", "CA" + c.hex(5, 32));
            g.writeStringField("conference_sid", "CF" + c.hex(6, 32));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** latency.e2e percentiles in ms for connected calls; an empty object otherwise. */
    private static void latency(JsonGenerator g, SyntheticCall c) throws IOException {
        g.writeObjectFieldStart("latency");
        if (c.outcome().answered()) {
            double p50 = c.latencyTenths() / 10.0;
            g.writeObjectFieldStart("e2e");
            g.writeNumberField("max", round1(p50 * 2.1));
            g.writeNumberField("min", round1(p50 * 0.6));
            g.writeNumberField("num", 4 + c.pick(7, 12));
            g.writeNumberField("p50", p50);
            g.writeNumberField("p90", round1(p50 * 1.5));
            g.writeNumberField("p95", round1(p50 * 1.7));
            g.writeNumberField("p99", round1(p50 * 2.0));
            g.writeArrayFieldStart("values");
            for (double f : new double[] {0.6, 0.9, 1.0, 1.5, 2.1}) {
                g.writeNumber(round1(p50 * f));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
