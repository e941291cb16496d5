package dev.callx.output;

import dev.callx.record.Field;
import java.time.ZoneId;
import java.util.List;

/**
 * What a writer needs to know; nothing about platforms.
 *
 * @param format  the format
 * @param fields  the columns, in order
 * @param raw     write each platform record as received (json and jsonl only)
 * @param header  csv and table: write the header row
 * @param zone    the zone timestamps are rendered in
 * @param csvSafe prefix cells beginning with = + - @ with ' (spreadsheet formula injection)
 * @param width   table: the terminal width in columns
 */
public record OutputOptions(Format format, List<Field> fields, boolean raw, boolean header, ZoneId zone,
                            boolean csvSafe, int width) {
    public OutputOptions {
        fields = List.copyOf(fields);
        if (raw && (format == Format.CSV || format == Format.TABLE)) {
            throw new IllegalArgumentException("raw output is json or jsonl");
        }
    }
}
