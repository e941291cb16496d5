package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#readTree} reads what Jackson's ObjectMapper (the reference, with callx's settings)
 * reads, node for node and type for type, without building the mapper.
 */
class TreeReaderTest {

    private static void sameAsTheMapper(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = Json.mapper().readTree(bytes);
        JsonNode got = Json.readTree(bytes);
        assertThat(got).as(json).isEqualTo(expected);
        assertThat(describe(got)).as(json).isEqualTo(describe(expected));
    }

    /** Every node's class and text, in order: equal trees of other node types (IntNode, LongNode) differ here. */
    private static String describe(JsonNode n) {
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.isContainerNode()) {
            sb.append('[');
            n.properties().forEach(e -> sb.append(e.getKey()).append('=').append(describe(e.getValue())).append(','));
            if (n.isArray()) {
                n.forEach(item -> sb.append(describe(item)).append(','));
            }
            sb.append(']');
        } else {
            sb.append(':').append(n.isNumber() ? n.numberValue().toString() : n.asText());
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"c1\",\"n\":1,\"big\":2147483648,\"huge\":98765432109876543210987,\"neg\":-5}",
        "{\"f\":1.0,\"g\":1.00,\"e\":1e3,\"E\":-2.5E-7,\"z\":-0,\"zf\":-0.0,\"p\":0.1000}",
        "{\"a\":1,\"a\":2,\"b\":{\"a\":3},\"b\":null}",
        "[1,\"two\",true,false,null,[],{},[[[]]],{\"x\":[{}]}]",
        "\"just a string\"", "42", "null", "true",
        "{\"u\":\"\\u00e9\\ud83d\\ude00 \\\" \\\\ \\/ \\n\",\"é\":\"ü\"}",
        "{\"a\":1} trailing text", "  {\"a\":[1,2]}  ", "", "   \n ",
        "{\"empty\":\"\",\"nested\":{\"deeper\":{\"deepest\":[1.5,2,\"3\"]}}}"})
    void readsWhatTheMapperReads(String json) throws Exception {
        sameAsTheMapper(json);
    }

    /** Objects side by side of very different sizes (a map made as large as its neighbour) are read whole. */
    @Test
    void neighbouringObjectsOfOtherSizesAreReadWhole() throws Exception {
        StringBuilder page = new StringBuilder("{\"data\":[");
        int[] sizes = {30, 3, 40, 9, 0, 12, 100, 1};
        for (int k = 0; k < sizes.length; k++) {
            page.append(k == 0 ? "" : ",").append('{');
            for (int f = 0; f < sizes[k]; f++) {
                page.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":").append(k * 1000 + f);
            }
            page.append(",\"nested\":{\"a\":{\"b\":").append(k).append("}}".repeat(1)).append('}');
        }
        page.append("]}");
        sameAsTheMapper(page.toString().replace("{,", "{"));
        // two records nested 20 objects deep, of 10 fields at each level: the second made from the first's sizes
        String deep = "{\"f0\":0,\"f1\":1,\"f2\":2,\"f3\":3,\"f4\":4,\"f5\":5,\"f6\":6,\"f7\":7,\"f8\":8,\"in\":";
        String twenty = deep.repeat(20) + "null" + "}".repeat(20);
        sameAsTheMapper("[" + twenty + "," + twenty + "]");
        JsonNode tree = Json.readTree(page.toString().replace("{,", "{").getBytes(StandardCharsets.UTF_8));
        for (int k = 0; k < sizes.length; k++) {
            assertThat(tree.get("data").get(k).size()).as("record %d", k).isEqualTo(sizes[k] + 1);
        }
    }

    @Test
    void randomTreesAreReadAsTheMapperReadsThem() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            sameAsTheMapper(Json.mapper().writeValueAsString(JsonTest.random(r, 4)));
        }
    }

    @Test
    void nestingUpToTheLimitIsReadAndDeeperIsRefusedLikeTheMapperDoes() throws Exception {
        JsonNode deep = Json.readTree(("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH))
                .getBytes(StandardCharsets.UTF_8));
        int depth = 1;
        for (JsonNode n = deep; n.size() == 1; n = n.get(0)) {
            depth++;
        }
        assertThat(depth).isEqualTo(Json.MAX_DEPTH);
        byte[] deeper = ("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.mapper().readTree(deeper)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readTree(deeper)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":[1,2", "{\"a\":", "[{\"b\":\"cut", "{\"a\":1"})
    void aBodyCutShortIsAnEndOfInputAsWithTheMapper(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.mapper().readTree(bytes)).isInstanceOf(JsonEOFException.class);
        assertThatThrownBy(() -> Json.readTree(bytes)).isInstanceOf(JsonEOFException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1e9999999999}", "{\"a\":nope}", "{a:1}", "[1,]", "{\"a\":1,}", "NaN"})
    void whatIsNotJsonJavaCanHoldIsAParseError(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.mapper().readTree(bytes)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.readTree(bytes)).isInstanceOf(JsonProcessingException.class);
    }
}
