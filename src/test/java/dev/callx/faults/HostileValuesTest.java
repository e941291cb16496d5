package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.StringReader;
import java.util.List;
import mockwebserver3.MockResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values built to hurt: spreadsheet formulas, a 1 MB summary, deeply nested metadata, odd types. */
class HostileValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private static String vaaniPage(ObjectNode... records) {
        ObjectNode body = F.objectNode();
        ArrayNode data = body.putArray("data");
        for (ObjectNode r : records) {
            data.add(r);
        }
        body.putObject("pagination").put("page", 1).put("total_pages", 1).put("has_next", false);
        return body.toString();
    }

    private Result export(String body, String... options) {
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());
        String[] args = new String[options.length + 3];
        args[0] = "vaani";
        args[1] = "--base-url";
        args[2] = server.baseUrl();
        System.arraycopy(options, 0, args, 3, options.length);
        return CallxRunner.callx().env("VAANI_API_KEY", "k").run(args);
    }

    private static ObjectNode formulas() {
        return F.objectNode().put("call_id", "c1").put("from_number", "+14155550100")
                .put("call_summary", "=HYPERLINK(\"http://evil\",\"click\")").put("agent_name", "@SUM(A1:A9)")
                .put("call_status", "-2+3").put("to_number", "plain");
    }

    @Test
    void csvCellsThatLookLikeFormulasStayAsReceivedByDefault() throws Exception {
        Result r = export(vaaniPage(formulas()), "-o", "csv", "--fields", "from_number,summary,agent_name,status,to_number");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        CSVRecord row = parse(r.out()).get(1);
        assertThat(row.values()).containsExactly("+14155550100", "=HYPERLINK(\"http://evil\",\"click\")",
                "@SUM(A1:A9)", "-2+3", "plain");
    }

    @Test
    void csvSafePrefixesFormulaCellsWithAnApostrophe() throws Exception {
        Result r = export(vaaniPage(formulas()), "-o", "csv", "--csv-safe",
                "--fields", "from_number,summary,agent_name,status,to_number");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        CSVRecord row = parse(r.out()).get(1);
        assertThat(row.values()).containsExactly("'+14155550100", "'=HYPERLINK(\"http://evil\",\"click\")",
                "'@SUM(A1:A9)", "'-2+3", "plain");
        assertThat(parse(r.out()).get(0).get(0)).as("the header is ours, not defused").isEqualTo("from_number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "json", "csv", "table"})
    void aOneMegabyteSummaryIsWrittenWhole(String format) throws Exception {
        String summary = "x".repeat(1 << 20);
        Result r = export(vaaniPage(F.objectNode().put("call_id", "big").put("call_summary", summary)), "-o", format);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // a table into a pipe is not fitted to a terminal (issue 10) but still bounded, at 100,000 columns
        assertThat(r.out()).contains(format.equals("table") ? summary.substring(0, 90_000) : summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "csv", "table"})
    void deeplyNestedMetadataIsWritten(String format) throws Exception {
        String deep = "{\"data\":[{\"call_id\":\"deep\",\"call_metadata\":" + "{\"n\":".repeat(1_995)
                + "{\"name\":\"bottom\"}" + "}".repeat(1_995) + "}],\"pagination\":{\"has_next\":false}}";
        Result r = export(deep, "-o", format);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        if (!format.equals("table")) {
            assertThat(r.out()).contains("bottom");
        }
    }

    @Test
    void nestingBeyondWhatCallxReadsIsACleanError() throws Exception {
        String deep = "{\"data\":[{\"call_id\":\"x\",\"call_metadata\":" + "{\"n\":".repeat(5_000) + "1"
                + "}".repeat(5_000) + "}],\"pagination\":{\"has_next\":false}}";
        Result r = export(deep);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("Vaani Voice", "page 1");
    }

    @Test
    void fieldsOfUnexpectedTypesAreWrittenAsText() throws Exception {
        ObjectNode odd = F.objectNode().put("call_id", "odd");
        odd.putArray("call_summary").add("a").add(1);
        odd.putObject("direction").put("is", "inbound");
        odd.put("call_cost", true);
        odd.putObject("Start_time").put("epoch", 1);
        odd.put("call_metadata", "not an object");
        Result r = export(vaaniPage(odd), "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.get("summary").asText()).isEqualTo("[\"a\",1]");
        assertThat(out.get("direction").asText()).isEqualTo("{\"is\":\"inbound\"}");
        assertThat(out.get("cost").asText()).isEqualTo("true");
        assertThat(out.get("metadata").asText()).isEqualTo("not an object");
        assertThat(r.err()).contains("cost", "started_at").doesNotContain("internal error");
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }
}
