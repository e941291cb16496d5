package dev.callx.output;

import static dev.callx.testing.NormalizedJson.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jline.utils.WCWidth;

/** Response bodies for the output tests, built as trees so that no test hand-escapes JSON. */
final class OutputFixtures {
    /** A value with a comma, quotes and a newline, for csv. */
    static final String CALLER_NAME = "Zoë, \"the\" caller\nline2";
    static final String SUMMARY = "📞 call about 订单 #42 — résumé ✓ 🙂";
    static final String AGENT_NAME = "客服代理";
    static final String ERROR_MESSAGE = "line1\r\nline2";
    /** ANSI colour, CR LF and BEL: what a table must never pass to the terminal. */
    static final String HOSTILE_SUMMARY = "\u001b[31mred\u001b[0m\r\nnext\u0007";
    /** A right-to-left override between two words. */
    static final String BIDI_NAME = "abc\u202edef";

    private OutputFixtures() {
    }

    /** A Ravan call session (camelCase) with every value that is hard for one format or another. */
    static ObjectNode trickySession(String id) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("id", id);
        s.put("agentId", "agt_1");
        s.put("organizationId", "org_1");
        s.put("callerNumber", "+14155550100");
        s.put("calleeNumber", "+919876543210");
        s.put("callerName", CALLER_NAME);
        s.put("callerEmail", "zoe@example.org");
        s.put("channel", "sip");
        s.put("status", "#hash");
        s.put("summary", SUMMARY);
        ObjectNode metadata = s.putObject("metadata");
        metadata.put("note", "a,b");
        metadata.put("quote", "\"x\"");
        metadata.putObject("nested").putArray("k").add(1).add(2);
        s.put("errorMessage", ERROR_MESSAGE);
        s.put("disconnectReason", " leading and trailing ");
        s.put("callLatencyMs", 640);
        s.put("startedAt", "2026-11-20T09:15:30Z");
        s.put("endedAt", "2026-11-20T09:19:02Z");
        s.put("durationSec", 212);
        s.put("recordingUrl", "https://rec.example/a?x=1&y=2");
        s.put("costTotal", "3.75");
        s.put("agentName", AGENT_NAME);
        s.putObject("postCallAnalysisResult").put("sentiment", "neutral");
        s.put("unknownExtra", "kept by --raw only");
        return s;
    }

    /** A session that gives nothing but its id. */
    static ObjectNode bareSession(String id) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("id", id);
        return s;
    }

    /** A simple session with a start time and a summary. */
    static ObjectNode session(String id, String summary) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("id", id);
        s.put("callerNumber", "+14155550100");
        s.put("startedAt", "2026-11-20T09:15:30Z");
        s.put("durationSec", 60);
        s.put("status", "completed");
        s.put("summary", summary);
        return s;
    }

    /** A call-sessions response (first shape) carrying these sessions. */
    static String sessionsBody(List<? extends JsonNode> sessions) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("success", true);
        body.put("message", "ok");
        ArrayNode list = body.putObject("data").putArray("callSessions");
        sessions.forEach(list::add);
        return body.toString();
    }

    /** Terminal columns of one line. */
    static int columns(String line) {
        int w = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * The first character a terminal would act on or that hides or reorders text, or -1: C0 controls
     * other than the line feed, DEL, C1 controls, and Unicode format characters (bidi overrides and
     * isolates, zero-width characters), line and paragraph separators.
     */
    static int firstUnsafeChar(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean control = (cp < 0x20 && cp != '\n') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
            if (control || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }
}
