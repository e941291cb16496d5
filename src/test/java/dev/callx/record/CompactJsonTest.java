package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CompactJson writes what Jackson's generator writes through Json.compact, on random trees. */
class CompactJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Test
    void randomTreesAreWrittenAsTheGeneratorWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        int written = 0;
        for (int i = 0; i < 5_000; i++) {
            JsonNode tree = JsonTest.random(random, 0);
            StringBuilder out = new StringBuilder();
            if (CompactJson.append(out, tree)) {
                written++;
                assertThat(out.toString()).isEqualTo(Json.compact(tree));
            } else {
                // only a tree holding a double is left to the generator
                assertThat(hasFloatingPoint(tree)).as(Json.compact(tree)).isTrue();
            }
        }
        assertThat(written).isGreaterThan(1_000);
    }

    @Test
    void everyCharacterIsEscapedAsTheGeneratorEscapesIt() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00\uD800x\uDC00");
        JsonNode node = NODES.textNode(all.toString());
        StringBuilder out = new StringBuilder();
        assertThat(CompactJson.append(out, node)).isTrue();
        assertThat(out.toString()).isEqualTo(Json.compact(node));
    }

    @Test
    void readTreesAreWrittenAsTheGeneratorWritesThem() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"a\":1.50,\"b\":-0.000,\"c\":1e3,\"d\":12345678901234567890,"
                + "\"e\":[true,false,null,{}],\"f\":\"x\\u0000\\\"y\",\"g\":1e99999,\"h\":-7,\"i\":3000000000}");
        StringBuilder out = new StringBuilder();
        assertThat(CompactJson.append(out, tree)).isTrue();
        assertThat(out.toString()).isEqualTo(Json.compact(tree));
    }

    @Test
    void floatingPointNodesAreLeftToTheGenerator() {
        ObjectNode tree = NODES.objectNode().put("a", 1.5d);
        assertThat(CompactJson.append(new StringBuilder(), tree)).isFalse();
        assertThat(CompactJson.append(new StringBuilder(), NODES.numberNode(1.5f))).isFalse();
    }

    private static boolean hasFloatingPoint(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasFloatingPoint(child)) {
                return true;
            }
        }
        return false;
    }
}
