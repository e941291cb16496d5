package dev.callx.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one transcript rendering (see the package documentation) and the transcript shapes found in
 * list records. Every method returns the rendered text, or null when there is no turn.
 */
public final class Transcripts {

    /** The agent's side of the conversation. */
    public static final String AGENT = "agent";
    /** The caller's side of the conversation. */
    public static final String USER = "user";
    /** A turn whose speaker is not given. */
    public static final String UNKNOWN = "unknown";
    static final String TOOL = "tool";

    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("agent", AGENT), Map.entry("assistant", AGENT), Map.entry("bot", AGENT),
            Map.entry("ai", AGENT), Map.entry("model", AGENT),
            Map.entry("user", USER), Map.entry("human", USER), Map.entry("customer", USER),
            Map.entry("caller", USER),
            Map.entry("tool", TOOL), Map.entry("function", TOOL));

    private Transcripts() {
    }

    /** Turns as {@code role: content} lines; null when no turn has content. */
    public static String render(List<Turn> turns) {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            String content = content(t.content());
            if (content.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(role(t.role())).append(": ").append(content);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The normalized role: lower case, synonyms merged, {@code unknown} for null or blank. */
    public static String role(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        String known = ROLES.get(lower);
        if (known != null) {
            return known;
        }
        StringBuilder sb = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> sb.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '_' || c == '-' ? c : '_'));
        return sb.toString();
    }

    private static String content(String raw) {
        return raw == null ? "" : LabelledText.oneLine(raw.strip());
    }

    /**
     * An array of turns, each {@code {"message": {"role", "content"}}} or {@code {"role", "content"}}:
     * Ravan's {@code transcripts} (phone-history, session detail), Zudu's {@code transcript_object}.
     * A string is read as labelled text ({@link #labelled}); null, a JSON null or an empty array
     * is null.
     */
    public static String turns(JsonNode transcripts) {
        if (transcripts == null || transcripts.isNull() || transcripts.isMissingNode()) {
            return null;
        }
        if (transcripts.isTextual()) {
            return labelled(transcripts.textValue());
        }
        if (!transcripts.isArray()) {
            return render(List.of(new Turn(null, text(transcripts))));
        }
        List<Turn> turns = new ArrayList<>(transcripts.size());
        for (JsonNode t : transcripts) {
            JsonNode message = t.has("message") && t.get("message").isObject() ? t.get("message") : t;
            if (!message.isObject()) {
                turns.add(new Turn(null, text(message)));
                continue;
            }
            turns.add(new Turn(text(message.get("role")), text(message.get("content"))));
        }
        return render(turns);
    }

    /**
     * Text whose turns start with a speaker label ({@code AGENT:}, {@code User:} ...), as Vaani's
     * transcript endpoint and Zudu's {@code transcript} give it. A line without a label continues
     * the turn before it; text before the first label is an {@code unknown} turn per line. A label is
     * one of the names in {@link #ROLES} or {@code system} (so content such as "Note: ..." on a line
     * of its own is not taken for a speaker), case aside, then a colon.
     */
    public static String labelled(String text) {
        if (text == null) {
            return null;
        }
        List<Turn> turns = new ArrayList<>();
        String role = null;
        StringBuilder content = null;
        for (String line : LabelledText.lines(text)) {
            LabelledText.Label label = LabelledText.label(line);
            if (label != null) {
                if (content != null) {
                    turns.add(new Turn(role, content.toString()));
                }
                role = label.speaker();
                content = new StringBuilder(line.length() - label.end() + 16).append(line, label.end(), line.length());
            } else if (content != null) {
                content.append('\n').append(line);
            } else if (!line.isBlank()) {
                turns.add(new Turn(null, line));
            }
        }
        if (content != null) {
            turns.add(new Turn(role, content.toString()));
        }
        return render(turns);
    }

    /**
     * A Zudu call record: its {@code transcript_object} turns when there are any (role and
     * content per turn), else its {@code transcript} text read as {@link #labelled} text.
     */
    public static String zudu(JsonNode call) {
        if (call == null || !call.isObject()) {
            return null;
        }
        String fromObjects = turns(arrayOrNull(call.get("transcript_object")));
        if (fromObjects != null) {
            return fromObjects;
        }
        JsonNode text = call.get("transcript");
        return text == null || text.isNull() ? null : turns(text);
    }

    private static JsonNode arrayOrNull(JsonNode node) {
        return node != null && node.isArray() ? node : null;
    }

    /** Text of a scalar; the {@code text} parts of a content-parts array; compact JSON otherwise. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            boolean parts = node.size() > 0;
            for (JsonNode part : node) {
                JsonNode t = part.isObject() ? part.get("text") : null;
                if (t == null || !t.isTextual()) {
                    parts = false;
                    break;
                }
                sb.append(sb.length() > 0 ? " " : "").append(t.textValue());
            }
            if (parts) {
                return sb.toString();
            }
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
