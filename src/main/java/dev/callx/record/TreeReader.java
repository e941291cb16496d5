package dev.callx.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds a tree from a parser's tokens as Jackson's ObjectMapper.readTree does with callx's settings
 * (floats as exact BigDecimals, integers in the smallest of int, long, BigInteger, a repeated key's
 * last value, nothing read past the first value, MissingNode for empty content), without the
 * ObjectMapper: its start-up (type factory, deserializer caches, and a date format that loads the
 * JDK's locale data) is a fifth of a one-request lookup's time. Nesting is bounded by the parser's
 * {@code StreamReadConstraints}, and read without recursion.
 */
final class TreeReader {
    /**
     * The most fields a map is made for in advance: a record has tens; one huge object does not make
     * its neighbour as large (a hostile page alternating the two would double its memory).
     */
    private static final int MAX_HINT = 256;

    private final JsonNodeFactory nodes;

    TreeReader(JsonNodeFactory nodes) {
        this.nodes = nodes;
    }

    /** The first value of the parser's content, or MissingNode when there is none. */
    JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return MissingNode.getInstance();
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return scalar(p, t);
        }
        // without recursion, as Jackson's own tree reader: a body nested 2,000 levels deep (what the
        // parser's constraints allow) must not exhaust a thread's stack
        ContainerNode<?> root = t == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        // the size of the last object closed at each depth: the records of a page have the same
        // fields, so the next one's map is made that large at once instead of grown twice
        int[] lastSize = new int[8];
        ContainerNode<?> current = root;
        while (true) {
            String name = null;
            if (current.isObject()) {
                t = p.nextToken();
                if (t == JsonToken.FIELD_NAME) {
                    name = p.currentName();
                    t = p.nextToken();
                }
            } else {
                t = p.nextToken();
            }
            if (t == null) {
                throw new JsonEOFException(p, null, "Unexpected end-of-input: expected close marker for "
                        + (current.isObject() ? "Object" : "Array"));
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                if (open.isEmpty()) {
                    return root;
                }
                if (t == JsonToken.END_OBJECT && open.size() < lastSize.length) {
                    lastSize[open.size()] = current.size();
                }
                current = open.pop();
                continue;
            }
            JsonNode value;
            ContainerNode<?> child = null;
            if (t == JsonToken.START_OBJECT) {
                int depth = open.size() + 1;
                child = depth < lastSize.length && lastSize[depth] > FieldMap.LINEAR
                        ? new ObjectNode(nodes, new FieldMap(Math.min(lastSize[depth], MAX_HINT)))
                        : nodes.objectNode();
                value = child;
            } else if (t == JsonToken.START_ARRAY) {
                child = nodes.arrayNode();
                value = child;
            } else {
                value = scalar(p, t);
            }
            if (current.isObject()) {
                ((ObjectNode) current).replace(name, value);
            } else {
                ((ArrayNode) current).add(value);
            }
            if (child != null) {
                open.push(current);
                current = child;
            }
        }
    }

    private JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                // USE_BIG_DECIMAL_FOR_FLOATS: the number as written (NaN is not JSON, the parser refuses it)
                return nodes.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                // an embedded object: not in JSON text
                throw new IllegalStateException("unexpected token " + t + " where a JSON value was expected");
        }
    }

    private JsonNode integer(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT:
                return nodes.numberNode(p.getIntValue());
            case LONG:
                return nodes.numberNode(p.getLongValue());
            default:
                return nodes.numberNode(p.getBigIntegerValue());
        }
    }
}
