package dev.callx.output;

import dev.callx.record.CallRecord;
import java.io.IOException;

/** Streams records in one format. Knows nothing of platforms. */
public interface RecordWriter {
    void write(CallRecord record) throws IOException;

    /** Writes what closes the document (the JSON array's end) and flushes. Call once, also for no record. */
    void finish() throws IOException;

    /** Pushes what is buffered to the underlying writer. */
    void flush() throws IOException;

    /** The columns a table left out for want of width, for the closing line; none for other formats. */
    default java.util.List<dev.callx.record.Field> hiddenForWidth() {
        return java.util.List.of();
    }

    static RecordWriter open(OutputOptions options, java.io.Writer out) throws IOException {
        return switch (options.format()) {
            case JSONL -> new JsonWriter(options, out, false);
            case JSON -> new JsonWriter(options, out, true);
            case CSV -> new CsvWriter(options, out);
            case TABLE -> new TableWriter(options, out);
        };
    }
}
