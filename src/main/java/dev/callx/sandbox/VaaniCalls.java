package dev.callx.sandbox;

import java.util.List;

/**
 * Vaani's per-call endpoints: {@code GET /api/transcript/{call_id}} (api-docs/vaani-transcript.txt)
 * and {@code GET /api/stream/{call_id}} (api-docs/vaani-stream.txt). Calls that were not answered
 * have neither; of the answered ones, a deterministic 5% have no transcript yet and another 5% no
 * recording ({@link Audio#MISSING_PERCENT}): 404 in the documented shapes.
 */
final class VaaniCalls {

    static final int TRANSCRIPT_MISSING_PERCENT = 5;
    private static final int SLOT_TRANSCRIPT_MISSING = 20;
    private static final long AUDIO_SALT = 0x56414E49L;

    private final Dataset data;
    private final IdIndex ids;

    VaaniCalls(Dataset data) {
        this.data = data;
        this.ids = new IdIndex(data, VaaniJson::callId);
    }

    /** Whether the call's transcript is there: answered, and not among the few not generated yet. */
    static boolean hasTranscript(SyntheticCall c) {
        return c.outcome().answered() && c.pick(SLOT_TRANSCRIPT_MISSING, 100) >= TRANSCRIPT_MISSING_PERCENT;
    }

    Response transcript(String callId) {
        SyntheticCall c = ids.find(callId);
        if (c == null || !hasTranscript(c)) {
            return Response.json(404, g -> {
                g.writeStartObject();
                g.writeStringField("transcript", "Transcript not found in Azure Blob Storage");
                g.writeNumberField("status_code", 404);
                g.writeStringField("function", "get_transcript");
                g.writeEndObject();
            });
        }
        String text = text(Conversation.turns(c, data.agent(c).name()));
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("transcript", text);
            g.writeNumberField("status_code", 200);
            g.writeStringField("function", "get_transcript");
            g.writeEndObject();
        });
    }

    /** "AGENT: ...\n\n USER: ...": turns apart by a blank line, the later labels after a space, as in the doc. */
    static String text(List<Conversation.Turn> turns) {
        StringBuilder sb = new StringBuilder();
        for (Conversation.Turn t : turns) {
            if (sb.length() > 0) {
                sb.append("\n\n ");
            }
            sb.append(t.role().equals("agent") ? "AGENT: " : "USER: ").append(t.content());
        }
        return sb.toString();
    }

    Response stream(String callId) {
        SyntheticCall c = ids.find(callId);
        if (c == null || !Audio.exists(c)) {
            return Response.json(404, g -> {
                g.writeStartObject();
                g.writeNumberField("status_code", 404);
                g.writeStringField("error", "Not Found");
                g.writeStringField("message", "Audio file not found");
                g.writeStringField("code", "NOT_FOUND");
                g.writeEndObject();
            });
        }
        Audio.Format format = Audio.oggOrMpeg(c);
        return Response.bytes(200, format.contentType, Audio.bytes(c, format, AUDIO_SALT));
    }
}
