package dev.callx.transcript;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bodies of the per-call transcript endpoints, read into the rendered transcript. An HTTP 404
 * is the caller's to handle (the transcript is not there yet: the field stays null); these methods
 * read the bodies of the other answers.
 */
public final class DetailBodies {

    private DetailBodies() {
    }

    /**
     * Vaani {@code GET /api/transcript/{call_id}} (api-docs/vaani-transcript.txt):
     * {@code {"transcript": "AGENT: ...\n\n USER: ...", "status_code": 200, "function": "get_transcript"}}.
     *
     * @return the rendered transcript; null when the body's {@code status_code} is 404 (the
     *         documented "not generated yet" body, should it come with HTTP 200) or the text has no turn
     * @throws UnexpectedBodyException when the body is not an object with a string {@code transcript}
     *                                 ({@link UnexpectedBodyException#reportedFailure()} false), or its
     *                                 {@code status_code} is neither 200 nor 404 (true)
     */
    public static String vaaniTranscript(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new UnexpectedBodyException("the body is not a JSON object", false);
        }
        JsonNode status = body.get("status_code");
        JsonNode transcript = body.get("transcript");
        if (status != null && !status.isNull()) {
            if (!status.canConvertToInt()) {
                throw new UnexpectedBodyException("'status_code' is not a number: " + status, false);
            }
            if (status.asInt() == 404) {
                return null;
            }
            if (status.asInt() != 200) {
                String said = transcript != null && transcript.isTextual() ? ": " + transcript.textValue() : "";
                throw new UnexpectedBodyException("status_code " + status.asInt() + said, true);
            }
        }
        if (transcript == null || !transcript.isTextual()) {
            throw new UnexpectedBodyException("no string 'transcript' in the body", false);
        }
        return Transcripts.labelled(transcript.textValue());
    }

    /**
     * Ravan {@code GET /api/v1/calling/call-sessions-detail/{id}} (api-docs/ravan-call-session-detail.txt):
     * {@code {"success": true, "message": "...", "data": {..., "transcripts": [{"message": {"role", "content"}}]}}}.
     *
     * @return the rendered {@code data.transcripts}; null when they are absent, null or empty
     * @throws UnexpectedBodyException when {@code success} is false ({@link UnexpectedBodyException#reportedFailure()}
     *                                 true, with the platform's {@code message}), or there is no
     *                                 {@code data} object (false)
     */
    public static String ravanSessionDetail(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new UnexpectedBodyException("the body is not a JSON object", false);
        }
        JsonNode success = body.get("success");
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            JsonNode message = body.get("message");
            throw new UnexpectedBodyException("success: false" + (message != null && message.isTextual()
                    && !message.textValue().isBlank() ? ": " + message.textValue() : ""), true);
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new UnexpectedBodyException("no 'data' object in the body", false);
        }
        return Transcripts.turns(data.get("transcripts"));
    }
}
