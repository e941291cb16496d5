package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/**
 * A tree in a CSV cell is compact JSON, the same whether CompactJson writes it or, for a node it
 * does not write (a binary double, never read from a platform, only built), Jackson's generator;
 * one buffer serves every cell, so each cell holds its own value only.
 */
class JsonTextTest {
    @Test
    void aTreeCompactJsonDoesNotWriteIsWrittenByTheGeneratorAndEachCellIsItsOwnValue() {
        JsonText json = new JsonText();
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.putArray("a").add(DoubleNode.valueOf(1.5)).add("x\"y");
        object.put("b", true);

        assertThat(json.of(TextNode.valueOf("first"))).isEqualTo("\"first\"");
        assertThat(json.of(object)).isEqualTo("{\"a\":[1.5,\"x\\\"y\"],\"b\":true}");
        assertThat(json.of(DoubleNode.valueOf(-2.25))).isEqualTo("-2.25");
        assertThat(json.of(JsonNodeFactory.instance.arrayNode().add("z"))).isEqualTo("[\"z\"]");
    }

    @Test
    void aHugeValueIsWrittenWholeAndTheNextOneAlone() {
        JsonText json = new JsonText();
        String big = "v".repeat(1 << 21);
        assertThat(json.of(JsonNodeFactory.instance.arrayNode().add(big))).hasSize(big.length() + 4);
        assertThat(json.of(JsonNodeFactory.instance.arrayNode().add(1))).isEqualTo("[1]");
        assertThat(json.of(DoubleNode.valueOf(0.5))).isEqualTo("0.5");
    }
}
