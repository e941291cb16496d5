package dev.callx.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/** The one Jackson configuration: exact numbers in, plain numbers out. Immutable once built. */
public final class Json {
    /** The deepest nesting read from a platform; deeper is a response callx cannot use (exit 7). */
    public static final int MAX_DEPTH = 2_000;
    /**
     * The largest scale (digits after the point, or, negative, zeros before it) of a number written
     * in plain notation; Jackson's limit for WRITE_BIGDECIMAL_AS_PLAIN. {@code 1e999999999} would be a
     * billion digits: such a number is written as received, in scientific notation.
     */
    public static final int MAX_PLAIN_SCALE = 9_999;
    private static final JsonFactory FACTORY = factory(new JsonFactoryBuilder());
    private static final TreeReader TREES = new TreeReader(new Nodes());

    private Json() {
    }

    /**
     * The mapper, for what needs one (the state file, --summary-json): built on first use, so that a
     * run that only reads pages and writes records never pays for it.
     */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    private static final class Mapper {
        static final ObjectMapper MAPPER = build();
    }

    /** The parser and generator factory: the same limits and number output as the mapper's. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /**
     * The tree of a body, as {@code mapper().readTree} would read it (MissingNode for empty content),
     * without building the mapper. A number Java cannot hold is a parse error like any other.
     */
    public static JsonNode readTree(byte[] content) throws IOException {
        try (JsonParser p = FACTORY.createParser(content)) {
            return TREES.read(p);
        } catch (NumberFormatException e) {
            throw ExactMapper.unreadable(e);
        }
    }

    /** Whether the number can be written in plain notation (not too many digits). */
    public static boolean plain(BigDecimal n) {
        return n.scale() >= -MAX_PLAIN_SCALE && n.scale() <= MAX_PLAIN_SCALE;
    }

    /** Compact JSON of a node, for a CSV cell or a table. */
    public static String compact(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return out.toString();
    }

    /**
     * Writes a node as Jackson's tree serialization would with this configuration, except that a
     * number too long for plain notation ({@link #plain}) is written in scientific notation instead
     * of failing. Without the codec, so nothing is flushed per value.
     */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node);
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> writeNumber(g, node);
            default -> mapper().writeTree(g, node); // binary and POJO nodes: never read from a platform
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case BIG_DECIMAL -> writeNumber(g, node.decimalValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            default -> g.writeNumber(node.doubleValue());
        }
    }

    /** A number in plain notation, or in scientific notation when it would be too long. */
    public static void writeNumber(JsonGenerator g, BigDecimal n) throws IOException {
        if (plain(n)) {
            g.writeNumber(n);
        } else {
            g.writeNumber(n.toString());
        }
    }

    private static ObjectMapper build() {
        return new JsonMapper.Builder(new ExactMapper(factory(new JsonFactoryBuilder())))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(new Nodes())
                .build();
    }

    /**
     * Bodies are whole pages; a 1 MB summary is fine, a deeply nested object too (up to 2,000 levels,
     * twice Jackson's default). What was read can always be written: output nests a record's values a
     * level or two deeper than the page did. Numbers are written in plain notation.
     */
    private static JsonFactory factory(JsonFactoryBuilder b) {
        return b.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(64 * 1024 * 1024)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 8)
                        .build())
                .build();
    }

    /**
     * Jackson's nodes, numbers exact ({@code JsonNodeFactory.withExactBigDecimals(true)}), each object's
     * fields in a {@link FieldMap} instead of a {@code LinkedHashMap}.
     */
    private static final class Nodes extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        Nodes() {
            super(true);
        }

        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new FieldMap());
        }
    }

    /**
     * Reads trees as JsonMapper does, but a number Java cannot hold ({@code 1e9999999999}: an exponent
     * beyond an int), on which Jackson throws a bare NumberFormatException, is a parse error like any
     * other malformed JSON: a response callx cannot use, never an internal error.
     */
    private static final class ExactMapper extends JsonMapper {
        private static final long serialVersionUID = 1L;

        ExactMapper(JsonFactory factory) {
            super(factory);
        }

        @Override
        public JsonNode readTree(byte[] content) throws IOException {
            try {
                return super.readTree(content);
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        @Override
        public JsonNode readTree(byte[] content, int offset, int len) throws IOException {
            try {
                return super.readTree(content, offset, len);
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        @Override
        public JsonNode readTree(InputStream in) throws IOException {
            try {
                return super.readTree(in);
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        @Override
        public JsonNode readTree(Reader r) throws IOException {
            try {
                return super.readTree(r);
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        @Override
        public JsonNode readTree(String content) throws JsonProcessingException {
            try {
                return super.readTree(content);
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        @Override
        public <T extends TreeNode> T readTree(JsonParser p) throws IOException {
            try {
                return super.readTree(p);
            } catch (NumberFormatException e) {
                throw unreadable(e);
            }
        }

        @Override
        public JsonMapper copy() {
            throw new UnsupportedOperationException("callx's mapper is not copied; use Json.mapper()");
        }

        static JsonParseException unreadable(NumberFormatException e) {
            return new JsonParseException(null, "a number Java cannot hold: " + e.getMessage(), e);
        }
    }
}
