package dev.callx.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.callx.record.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * For bench/throughput only, a prototype: Vaani's csv export as a tree-free engine would do it. Each
 * record read once through Jackson's streaming parser, only the values the csv needs decoded (the
 * others skipped undecoded), converted as callx converts them (timestamps, the duration, the
 * direction), the metadata object copied token by token into its cell; no tree, no CallRecord.
 * Handles the sandbox's Vaani pages only (no passed-through values, warnings, repeated keys,
 * --fields, --csv-safe): it bounds what a Jackson-based engine could reach with all of callx's
 * conversions, and its output must equal callx's (the bench compares the digests).
 */
public final class CsvDirect {
    private static final int ID = 0;
    private static final int START = 1;
    private static final int END = 2;
    private static final int DURATION = 3;
    private static final int DIRECTION = 4;
    private static final int STATUS = 5;
    private static final int FROM = 6;
    private static final int TO = 7;
    private static final int AGENT_ID = 8;
    private static final int AGENT_NAME = 9;
    private static final int CLIENT = 10;
    private static final int COST = 11;
    private static final int SUMMARY = 12;
    private static final int RECORDING = 13;
    private static final int TRANSCRIPT = 14;
    private static final int SLOTS = 15;

    /**
     * {@code -Dcallx.bench.direct.copy=true}: the timestamps and numbers copied as received instead of
     * converted (the output differs, and is not checked): what the conversions cost.
     */
    public static final boolean COPY_ONLY = Boolean.getBoolean("callx.bench.direct.copy");

    private final Utf8Row row = new Utf8Row();
    private final Utf8Row metadata = new Utf8Row();
    private final Writer out;
    private final Utf8Sink sink;
    private final ZoneId zone;
    private final String[] values = new String[SLOTS];

    public CsvDirect(Writer out, ZoneId zone) {
        this.out = out;
        this.sink = out instanceof Utf8Sink s ? s : null;
        this.zone = zone;
    }

    private static int slot(String name) {
        return switch (name) {
            case "call_id" -> ID;
            case "Start_time" -> START;
            case "End_time" -> END;
            case "duration_ms" -> DURATION;
            case "direction" -> DIRECTION;
            case "call_status" -> STATUS;
            case "from_number" -> FROM;
            case "to_number" -> TO;
            case "agent_id" -> AGENT_ID;
            case "agent_name" -> AGENT_NAME;
            case "client_id" -> CLIENT;
            case "call_cost" -> COST;
            case "call_summary" -> SUMMARY;
            case "recording_api" -> RECORDING;
            case "call_transcription" -> TRANSCRIPT;
            default -> -1;
        };
    }

    /** Writes the header and the records of each page; returns how many records. */
    public long run(JsonFactory factory, List<byte[]> pages) throws IOException {
        row.ascii("provider,id,started_at,ended_at,duration_sec,direction,channel,status,from_number,to_number,"
                + "caller_name,caller_email,agent_id,agent_name,organization_id,cost,summary,sentiment,"
                + "disconnect_reason,latency_ms,recording_url,transcript,transcript_url,error_message,metadata\r\n");
        row.writeTo(out, sink);
        long n = 0;
        for (byte[] bytes : pages) {
            try (JsonParser p = factory.createParser(bytes)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("data")) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            record(p);
                            n++;
                        }
                    } else {
                        p.skipChildren(); // the paging signals: read from the tree in callx today
                    }
                }
            }
        }
        out.flush();
        return n;
    }

    private void record(JsonParser p) throws IOException {
        Arrays.fill(values, null);
        String callerName = null;
        boolean hasMetadata = false;
        metadata.truncate(0);
        metadata.ascii(',');
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int slot = slot(name);
            if (slot >= 0) {
                values[slot] = t == JsonToken.VALUE_NULL ? null : p.getText();
            } else if (name.equals("call_metadata") && t == JsonToken.START_OBJECT) {
                hasMetadata = true;
                callerName = copyObject(p);
            } else {
                p.skipChildren();
            }
        }
        row.ascii("vaani");
        cell(values[ID]);
        timestamp(values[START]);
        timestamp(values[END]);
        row.ascii(',');
        decimal(values[DURATION], 3);
        cell(values[DIRECTION] == null ? null : values[DIRECTION].toLowerCase(Locale.ROOT));
        row.ascii(',');
        cell(values[STATUS]);
        cell(values[FROM]);
        cell(values[TO]);
        cell(callerName);
        row.ascii(',');
        cell(values[AGENT_ID]);
        cell(values[AGENT_NAME]);
        cell(values[CLIENT]);
        row.ascii(',');
        decimal(values[COST], 0);
        cell(values[SUMMARY]);
        row.ascii(",,,");
        cell(values[RECORDING]);
        row.ascii(',');
        cell(values[TRANSCRIPT]);
        row.ascii(',');
        row.writeTo(out, sink);
        if (hasMetadata) {
            metadata.ascii('"');
        }
        metadata.ascii('\r').ascii('\n');
        metadata.writeTo(out, sink);
    }

    /** A number divided by 10^{@code shift}, as RecordBuilder.scaled converts it and the csv writes it. */
    private void decimal(String text, int shift) {
        if (text == null) {
            return;
        }
        if (COPY_ONLY) {
            row.ascii(text);
            return;
        }
        BigDecimal n = new BigDecimal(text);
        BigDecimal scaled = shift == 0 ? n : n.scaleByPowerOfTen(-shift).stripTrailingZeros();
        row.ascii(scaled.setScale(Math.max(scaled.scale(), 0)).toPlainString());
    }

    private void timestamp(String text) {
        row.ascii(',');
        if (text != null && COPY_ONLY) {
            row.ascii(text);
            row.ascii('Z');
        } else if (text != null) {
            Instant instant = Timestamps.parse(text, zone);
            row.timestamp(instant, zone);
        }
    }

    /** The object's compact JSON into {@link #metadata}, quotes doubled; returns its "name" string. */
    private String copyObject(JsonParser p) throws IOException {
        String name = null;
        metadata.ascii('"').ascii('{');
        boolean first = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (!first) {
                metadata.ascii(',');
            }
            first = false;
            String key = p.currentName();
            metadata.csvJsonString(key);
            metadata.ascii(':');
            JsonToken t = p.nextToken();
            switch (t) {
                case VALUE_STRING -> {
                    String s = p.getText();
                    if (key.equals("name")) {
                        name = s;
                    }
                    metadata.csvJsonString(s);
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                        metadata.ascii(p.getText());
                default -> throw new IllegalStateException("prototype: nested value in metadata");
            }
        }
        metadata.ascii('}');
        return name;
    }

    private void cell(String text) {
        row.ascii(',');
        if (text != null) {
            CsvFloor.cell(row, text);
        }
    }
}
