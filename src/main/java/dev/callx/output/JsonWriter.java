package dev.callx.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.record.Json;
import dev.callx.record.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * JSON Lines (one object per line, {@code \n} after each) or one JSON array, streamed: each record
 * is written as it comes, one per line, so memory does not grow with the export. Keys follow the
 * field order; with raw, each platform record is written as received.
 */
final class JsonWriter implements RecordWriter {
    /** The keys, quoted and escaped once. */
    private static final SerializedString[] NAMES = java.util.Arrays.stream(Field.values())
            .map(f -> new SerializedString(f.wireName())).toArray(SerializedString[]::new);

    private final OutputOptions options;
    private final Field[] fields;
    private final JsonGenerator gen;
    private final boolean array;
    private boolean first = true;

    JsonWriter(OutputOptions options, Writer out, boolean array) throws IOException {
        this.options = options;
        this.fields = options.fields().toArray(new Field[0]);
        this.array = array;
        this.gen = Json.factory().createGenerator(out);
        gen.setPrettyPrinter(new MinimalPrettyPrinter(""));
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (array) {
            gen.writeRaw('[');
        }
    }

    @Override
    public void write(CallRecord record) throws IOException {
        if (array) {
            gen.writeRaw(first ? "\n" : ",\n");
        }
        first = false;
        if (options.raw()) {
            Json.write(gen, record.raw());
        } else {
            gen.writeStartObject();
            for (Field f : fields) {
                gen.writeFieldName(NAMES[f.ordinal()]);
                writeValue(record.get(f));
            }
            gen.writeEndObject();
        }
        if (!array) {
            gen.writeRaw('\n');
        }
    }

    private void writeValue(Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof BigDecimal n) {
            Json.writeNumber(gen, n);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Instant i) {
            gen.writeString(Timestamps.render(i, options.zone()));
        } else if (v instanceof JsonNode node) {
            Json.write(gen, node);
        } else {
            gen.writeString(v.toString());
        }
    }

    @Override
    public void finish() throws IOException {
        if (array) {
            gen.writeRaw(first ? "]\n" : "\n]\n");
        }
        gen.flush();
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }
}
