package dev.callx.output;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV through Commons CSV: CRLF line ends, quotes where needed, null as an empty cell. */
final class CsvWriter implements RecordWriter {
    private final OutputOptions options;
    private final CSVPrinter printer;

    CsvWriter(OutputOptions options, Writer out) throws IOException {
        this.options = options;
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setAutoFlush(false).get());
        if (options.header()) {
            List<String> names = new ArrayList<>();
            options.fields().forEach(f -> names.add(f.wireName()));
            printer.printRecord(names);
        }
    }

    @Override
    public void write(CallRecord record) throws IOException {
        for (Field f : options.fields()) {
            String text = Values.text(record.get(f), options.zone());
            printer.print(options.csvSafe() ? defuse(text) : text);
        }
        printer.println();
    }

    /** A cell a spreadsheet would read as a formula gets a leading apostrophe. */
    static String defuse(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
