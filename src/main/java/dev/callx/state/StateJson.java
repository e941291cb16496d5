package dev.callx.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.record.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state file's JSON, version 1 (README, "Nightly exports"):
 *
 * <pre>{@code
 * {
 *   "format": "callx-state",
 *   "version": 1,
 *   "exports": [
 *     {
 *       "command": "calls",
 *       "platform": "zudu",
 *       "base_url": "https://api.zudu.ai/",
 *       "filters": ["--param=agent_id=agent-123"],
 *       "high_water_mark": "2026-11-21T11:58:00Z",
 *       "seen_from": "2026-11-21T10:58:00Z",
 *       "seen": [{"id": "call-456", "started_at": "2026-11-21T11:58:00Z"}],
 *       "updated_at": "2026-11-21T12:00:03Z",
 *       "last_run_written": 1075
 *     }
 *   ]
 * }
 * }</pre>
 * Times are ISO 8601 UTC; {@code high_water_mark} and {@code seen_from} may be null. A reader of
 * version 1 refuses a higher version; unknown fields are an error too, so nothing is dropped
 * silently by a rewrite.
 */
final class StateJson {
    static final String FORMAT = "callx-state";
    static final int VERSION = 1;

    private StateJson() {
    }

    /** Thrown with what is wrong; the caller names the file. */
    static final class Invalid extends Exception {
        final boolean newer;

        Invalid(String message, boolean newer) {
            super(message);
            this.newer = newer;
        }
    }

    static List<ExportState> read(String text) throws Invalid {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new Invalid("it is not valid JSON" + where, false);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(text(root.get("format")))) {
            throw new Invalid("it is not a callx state file (no \"format\": \"" + FORMAT + "\")", false);
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 1) {
            throw new Invalid("its \"version\" is not a version number", false);
        }
        if (version.asLong() > VERSION) {
            throw new Invalid("it was written by a newer callx (state version " + version.asLong()
                    + "; this callx reads version " + VERSION + ")", true);
        }
        only(root, "", "format", "version", "exports");
        JsonNode exports = root.get("exports");
        if (exports == null || !exports.isArray()) {
            throw new Invalid("it has no \"exports\" list", false);
        }
        List<ExportState> states = new ArrayList<>();
        for (int i = 0; i < exports.size(); i++) {
            states.add(export(exports.get(i), "exports[" + i + "]"));
        }
        return states;
    }

    private static ExportState export(JsonNode e, String at) throws Invalid {
        if (!e.isObject()) {
            throw new Invalid(at + " is not an object", false);
        }
        only(e, at + ".", "command", "platform", "base_url", "filters", "high_water_mark", "seen_from", "seen",
                "updated_at", "last_run_written");
        List<String> filters = new ArrayList<>();
        for (JsonNode f : array(e, "filters", at)) {
            filters.add(requireText(f, at + ".filters"));
        }
        ExportKey key = new ExportKey(requireText(e.get("command"), at + ".command"),
                requireText(e.get("platform"), at + ".platform"), requireText(e.get("base_url"), at + ".base_url"),
                filters);
        List<ExportState.Seen> seen = new ArrayList<>();
        for (JsonNode s : array(e, "seen", at)) {
            if (!s.isObject()) {
                throw new Invalid(at + ".seen holds something that is not an object", false);
            }
            only(s, at + ".seen[].", "id", "started_at");
            seen.add(new ExportState.Seen(requireText(s.get("id"), at + ".seen[].id"),
                    time(s.get("started_at"), at + ".seen[].started_at", false)));
        }
        JsonNode written = e.get("last_run_written");
        if (written != null && !written.isNull() && !written.isIntegralNumber()) {
            throw new Invalid(at + ".last_run_written is not a number", false);
        }
        Instant mark = time(e.get("high_water_mark"), at + ".high_water_mark", true);
        Instant seenFrom = time(e.get("seen_from"), at + ".seen_from", true);
        if (mark == null && !seen.isEmpty()) {
            throw new Invalid(at + " remembers calls but has no high_water_mark", false);
        }
        return new ExportState(key, mark, seenFrom, seen, time(e.get("updated_at"), at + ".updated_at", true),
                written == null || written.isNull() ? 0 : written.asLong());
    }

    static String write(List<ExportState> states) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode exports = root.putArray("exports");
        for (ExportState s : states) {
            ObjectNode e = exports.addObject();
            e.put("command", s.key().command());
            e.put("platform", s.key().platform());
            e.put("base_url", s.key().baseUrl());
            ArrayNode filters = e.putArray("filters");
            s.key().filters().forEach(filters::add);
            e.put("high_water_mark", s.highWaterMark() == null ? null : s.highWaterMark().toString());
            e.put("seen_from", s.seenFrom() == null ? null : s.seenFrom().toString());
            ArrayNode seen = e.putArray("seen");
            for (ExportState.Seen x : s.seen()) {
                seen.addObject().put("id", x.id()).put("started_at", x.startedAt().toString());
            }
            e.put("updated_at", s.updatedAt() == null ? null : s.updatedAt().toString());
            e.put("last_run_written", s.lastWritten());
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static void only(JsonNode node, String at, String... names) throws Invalid {
        List<String> known = List.of(names);
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new Invalid("it has a field callx does not know: " + at + name, false);
            }
        }
    }

    private static JsonNode array(JsonNode e, String name, String at) throws Invalid {
        JsonNode a = e.get(name);
        if (a == null || !a.isArray()) {
            throw new Invalid(at + "." + name + " is not a list", false);
        }
        return a;
    }

    private static String requireText(JsonNode n, String at) throws Invalid {
        String t = text(n);
        if (t == null) {
            throw new Invalid(at + " is not a string", false);
        }
        return t;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static Instant time(JsonNode n, String at, boolean nullable) throws Invalid {
        if (n == null || n.isNull()) {
            if (nullable) {
                return null;
            }
            throw new Invalid(at + " is missing", false);
        }
        try {
            return Instant.parse(requireText(n, at));
        } catch (DateTimeParseException e) {
            throw new Invalid(at + " is not an ISO 8601 UTC time: '" + shorten(n.asText()) + "'", false);
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
