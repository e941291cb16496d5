package dev.callx.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CompactJson;
import dev.callx.record.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Compact JSON text of trees, as {@link Json#compact} writes it, with one buffer for all of a
 * writer's cells instead of new ones per value: through {@link CompactJson}, or, for a tree it does not
 * write, one generator made on first need. Not thread safe: one per writer.
 */
final class JsonText {
    private final Buffer buffer = new Buffer();
    private JsonGenerator gen;

    String of(JsonNode node) {
        buffer.text.setLength(0);
        if (!CompactJson.append(buffer.text, node)) {
            buffer.text.setLength(0);
            try {
                Json.write(generator(), node);
                gen.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen writing to memory
            }
        }
        String text = buffer.text.toString();
        if (buffer.text.capacity() > 1 << 20) {
            buffer.text = new StringBuilder(); // one huge value does not keep its buffer
        }
        return text;
    }

    private JsonGenerator generator() throws IOException {
        if (gen == null) {
            gen = Json.factory().createGenerator(buffer);
            gen.setRootValueSeparator(null); // values one after the other, nothing between
        }
        return gen;
    }

    private static final class Buffer extends Writer {
        private StringBuilder text = new StringBuilder(256);

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            text.append(s, off, off + len);
        }

        @Override
        public void flush() {
            // nothing: the text is taken from the buffer
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
