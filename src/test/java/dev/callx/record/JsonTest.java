package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Json.write and Json.compact write what Jackson's own tree serialization writes, numbers of any size too. */
class JsonTest {
    private static final JsonNodeFactory F = Json.mapper().getNodeFactory();

    @Test
    void randomTreesAreWrittenAsJacksonWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            JsonNode node = random(random, 0);
            String expected = Json.mapper().writeValueAsString(node);
            String got = Json.compact(node);
            if (!got.equals(expected)) {
                wrong.add(got + "\nexpected\n" + expected);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void readingBackWhatWasWrittenGivesTheSameTree() throws Exception {
        String text = "{\"a\":[1,-2,3.50,1.5e3,12345678901234567890123,true,null,\"x\\\"\\u0001é😀\"],\"b\":{},\"c\":[]}";
        JsonNode tree = Json.mapper().readTree(text);
        assertThat(Json.compact(tree)).isEqualTo("{\"a\":[1,-2,3.50,1500,12345678901234567890123,true,null,"
                + "\"x\\\"\\u0001é😀\"],\"b\":{},\"c\":[]}");
    }

    @Test
    void aNumberTooLongForPlainNotationIsWrittenInScientificNotation() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"huge\":1e999999999,\"tiny\":-2.5e-999999999}");
        String written = Json.compact(tree);
        assertThat(written).isEqualTo("{\"huge\":1E+999999999,\"tiny\":-2.5E-999999999}");
        assertThat(Json.mapper().readTree(written)).isEqualTo(tree);
    }

    @Test
    void aNumberAtTheLimitIsStillWrittenInPlainNotation() throws Exception {
        String edge = Json.compact(Json.mapper().readTree("[1e9999,1e-9999]"));
        // not compared whole: a failure would print ten thousand digits
        assertThat(edge.length()).isEqualTo(1 + 10_000 + 1 + 10_001 + 1);
        assertThat(edge).startsWith("[10000").endsWith("00001]").contains(",0.0000");
        String beyond = Json.compact(Json.mapper().readTree("[1e10000,1e-10000]"));
        assertThat(beyond).isEqualTo("[1E+10000,1E-10000]");
    }

    /** A random tree of every node kind callx reads, doubles too; also for CompactJsonTest. */
    static JsonNode random(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 4 ? 8 : 10);
        switch (kind) {
            case 0:
                return F.textNode(text(r));
            case 1:
                return F.numberNode(r.nextInt());
            case 2:
                return F.numberNode(r.nextLong());
            case 3:
                return F.numberNode(new BigInteger(r.nextInt(1, 200), new java.util.Random(r.nextLong())));
            case 4:
                return F.numberNode(new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(-50, 50)));
            case 5:
                return F.booleanNode(r.nextBoolean());
            case 6:
                return F.nullNode();
            case 7:
                return F.numberNode(r.nextDouble() * 1e6);
            case 8: {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    a.add(random(r, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(6); i > 0; i--) {
                    o.set(text(r), random(r, depth + 1));
                }
                return o;
            }
        }
    }

    private static String text(SplittableRandom r) {
        String alphabet = "ab\"\\/\u0000\u001f\n\té€😀 ";
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int at = alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())));
            sb.appendCodePoint(alphabet.codePointAt(at));
        }
        return sb.toString();
    }
}
