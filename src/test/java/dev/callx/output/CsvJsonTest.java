package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.record.Json;
import java.io.StringWriter;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CsvJson writes an object or array cell itself, as the text path would have quoted Json.compact's text. */
class CsvJsonTest {
    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "[1]", "[[true]]", "[null,false]", "{\"a\":\"b\"}", "{\"k\":[1.50,-2,1e3]}",
        "{\"q\":\"say \\\"hi\\\"\",\"c\":\"\\u0001\\n\"}", "[\"\u00e9\u20ac\ud83d\ude00\"]", "[12345678901234567890]"})
    void aContainerIsWrittenInThePlaceAsTheCsvCellOfItsCompactJson(String json) throws Exception {
        JsonNode node = Json.mapper().readTree(json);
        Utf8Row row = new Utf8Row();
        row.ascii("x,");
        assertThat(CsvJson.append(row, node)).isTrue();
        StringWriter out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo("x," + CSVFormat.RFC4180.format(Json.compact(node)));
    }

    @Test
    void aTreeWithADoubleIsLeftToTheGenerator() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("a", "b").putArray("d").add(0.5);
        Utf8Row row = new Utf8Row();
        assertThat(CsvJson.append(row, node)).isFalse();
        ObjectNode binary = Json.mapper().createObjectNode();
        binary.put("b", new byte[] {1, 2});
        assertThat(CsvJson.append(row, binary)).as("binary: a node no platform's tree has").isFalse();
    }
}
