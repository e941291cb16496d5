package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static dev.callx.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The options every export command shares (SPEC section 2, README "Options every export command
 * takes"): each limit is inclusive, the value just past it is a usage error (exit 2) sent before any
 * request, and the format follows -o, then --file's extension.
 */
class ExportOptionsTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    private final CallxRunner callx = CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001");

    private Result vaani(String... args) {
        List<String> all = new ArrayList<>(List.of("vaani", "--base-url", server.baseUrl()));
        all.addAll(List.of(args));
        return callx.run(all.toArray(String[]::new));
    }

    /** A run whose options were accepted: it asked for the page and wrote its one record. */
    private Result exportsTheOnlyPage(String... args) {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = vaani(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(1);
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        return r;
    }

    private void refusedBeforeAnyRequest(Result r, String... parts) {
        assertOneLineError(r, 2, "vaani", parts);
        assertThat(server.requestCount()).as("a usage error sends no request").isZero();
    }

    @ParameterizedTest(name = "--concurrency {0}")
    @ValueSource(strings = {"1", "32"})
    void concurrencyFromOneToThirtyTwoIsAccepted(String n) {
        exportsTheOnlyPage("--concurrency", n);
    }

    @ParameterizedTest(name = "--concurrency {0}")
    @ValueSource(strings = {"0", "33"})
    void concurrencyOutsideOneToThirtyTwoIsExit2(String n) {
        refusedBeforeAnyRequest(vaani("--concurrency", n), "--concurrency must be between 1 and 32, not " + n);
    }

    @Test
    void aTimeoutOfTwentyFourHoursIsAccepted() {
        exportsTheOnlyPage("--timeout", "24h");
    }

    @Test
    void aTimeoutAboveTwentyFourHoursIsExit2() {
        refusedBeforeAnyRequest(vaani("--timeout", "25h"), "--timeout must be more than 0 and at most 24h");
    }

    @Test
    void aMaxWaitOfTwentyFourHoursIsAccepted() {
        exportsTheOnlyPage("--max-wait", "24h");
    }

    @Test
    void aMaxWaitAboveTwentyFourHoursIsExit2() {
        refusedBeforeAnyRequest(vaani("--max-wait", "25h"), "--max-wait must be at most 24h");
    }

    @ParameterizedTest(name = "--retries {0}")
    @ValueSource(strings = {"0", "100"})
    void retriesFromZeroToAHundredAreAccepted(String n) {
        exportsTheOnlyPage("--retries", n);
    }

    @ParameterizedTest(name = "--retries={0}")
    @CsvSource({"-1, --retries must be 0 or more", "101, --retries must be at most 100"})
    void retriesOutsideZeroToAHundredAreExit2(String n, String message) {
        refusedBeforeAnyRequest(vaani("--retries=" + n), message);
    }

    @Test
    void aMaxResponseSizeOfOneKilobyteIsAccepted() {
        server.enqueue(json(ApiPages.vaani(1, 200, 0L, 0L, false, List.of())));
        Result r = vaani("--max-response-size", "1KB");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "--max-response-size {0}")
    @ValueSource(strings = {"1023", "1023b", "0"})
    void aMaxResponseSizeBelowOneKilobyteIsExit2(String size) {
        refusedBeforeAnyRequest(vaani("--max-response-size", size),
                "--max-response-size '" + size + "' is not a size of at least 1KB");
    }

    @Test
    void aLimitOfOneWritesOneRecord() {
        server.enqueue(json(ApiPages.vaani(1, 200, 3L, 1L, false, List.of("c1", "c2", "c3"))));
        Result r = vaani("--limit", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(1).first().asString().contains("\"c1\"");
    }

    @Test
    void aLimitOfZeroIsExit2() {
        refusedBeforeAnyRequest(vaani("--limit", "0"), "--limit must be at least 1");
    }

    @ParameterizedTest(name = "--param {0}")
    @ValueSource(strings = {"=agent", "agent", "="})
    void aParamWithoutAKeyBeforeTheEqualsSignIsExit2(String param) {
        refusedBeforeAnyRequest(vaani("--param", param), "--param takes KEY=VALUE, not '" + param + "'");
    }

    @Test
    void aParamIsSentAsGivenWithAnEmptyValueToo() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = vaani("--param", "agent=a=b", "--param", "tag=");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.sent("agent")).containsExactly("a=b");
        assertThat(server.sent("tag")).containsExactly("");
    }

    @Test
    void aLookbackOfNinetyDaysIsAccepted() {
        exportsTheOnlyPage("--state", dir.resolve("state.json").toString(), "--lookback", "90d");
        assertThat(dir.resolve("state.json")).exists();
    }

    @Test
    void aLookbackAboveNinetyDaysIsExit2() {
        refusedBeforeAnyRequest(vaani("--state", dir.resolve("state.json").toString(), "--lookback", "91d"),
                "--lookback must be at most 90d");
    }

    @Test
    void theStateCannotBeStdout() {
        refusedBeforeAnyRequest(vaani("--state", "-"), "--state needs a file, not '-'");
    }

    @ParameterizedTest(name = "--raw -o {0}")
    @ValueSource(strings = {"csv", "table"})
    void rawRecordsCannotBeACsvOrATable(String format) {
        refusedBeforeAnyRequest(vaani("--raw", "-o", format),
                "--raw writes records as received: use -o json or -o jsonl, not " + format);
    }

    @Test
    void rawRecordsCannotBeCutToFields() {
        refusedBeforeAnyRequest(vaani("--raw", "--fields", "id"), "--raw writes whole records: it does not go with --fields");
    }

    @Test
    void rawRecordsGoToAFileAsJson() throws Exception {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Path out = dir.resolve("raw.json");
        Result r = vaani("--raw", "-f", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(out)).startsWith("[").contains("\"call_id\"");
    }

    @Test
    void aFileNamedCsvGetsCsv() throws Exception {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Path out = dir.resolve("calls.csv");
        Result r = vaani("-f", out.toString(), "--fields", "id,status");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(out)).first().isEqualTo("id,status");
    }

    @Test
    void aFileWhoseExtensionNamesNoFormatIsExit2UnlessOutputNamesOne() throws Exception {
        Path out = dir.resolve("calls.txt");
        refusedBeforeAnyRequest(vaani("-f", out.toString()),
                "cannot tell the format from the name '" + out + "'", "-o table, csv, jsonl or json");
        assertThat(out).doesNotExist();

        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = vaani("-f", out.toString(), "-o", "csv", "--fields", "id");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(out)).first().isEqualTo("id");
    }

    @Test
    void aCaCertThatCannotBeReadIsExit2() {
        Path missing = dir.resolve("no-such-bundle.pem");
        Result r = callx.run("vaani", "--base-url", "https://127.0.0.1:" + server.port() + "/", "--ca-cert",
                missing.toString(), "--retries", "0");
        assertOneLineError(r, 2, "vaani", "--ca-cert " + missing);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void rawRecordsOnATerminalAreJsonLines() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").terminal(100)
                .run("vaani", "--base-url", server.baseUrl(), "--raw");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).singleElement().asString().startsWith("{").contains("\"call_id\"");
    }

    @Test
    void jsonLinesWithoutFieldsHaveEveryFieldATableOnlyItsShortSet() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result lines = vaani();
        assertThat(lines.exitCode()).as(lines.toString()).isZero();
        assertThat(lines.out()).as("all fields").contains("\"id\"", "\"summary\"", "\"transcript_url\"",
                "\"metadata\"", "\"cost\"");

        server.enqueue(json(Api.vaaniOnlyPage()));
        Result table = vaani("-o", "table");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        String header = table.outLines().get(0);
        assertThat(header).as(table.toString()).contains("ID", "STATUS").doesNotContain("TRANSCRIPT_URL")
                .doesNotContain("METADATA");
    }

    @Test
    void aTableOnANarrowTerminalFitsItsWidth() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").terminal(40)
                .run("vaani", "--base-url", server.baseUrl());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(40));
    }

    @Test
    void aWindowFromSinceToUntilIsSentAndAnEmptyOneIsExit2() {
        refusedBeforeAnyRequest(vaani("--since", "2026-11-01", "--until", "2026-11-01"),
                "--since must be before --until");
        exportsTheOnlyPage("--since", "2026-04-21", "--until", "2026-04-22");
    }

    @Test
    void theSummaryJsonIsWrittenWhereItIsAsked() throws Exception {
        Path summary = dir.resolve("run.summary.json");
        exportsTheOnlyPage("--summary-json", summary.toString());
        assertThat(Files.readString(summary)).contains("\"ok\"", "\"exit_code\"", "\"vaani\"");
    }

    @Test
    void theSummaryJsonCannotBeTheOutputFileHoweverItIsWritten() {
        Path out = dir.resolve("calls.csv");
        refusedBeforeAnyRequest(vaani("-f", out.toString(), "--summary-json", dir.resolve(".").resolve("calls.csv")
                .toString()), "--summary-json and --file name the same file");
        assertThat(out).doesNotExist();
    }

    @Test
    void theStateCannotBeTheOutputFileNorTheSummaryJson() {
        Path state = dir.resolve("state.json");
        refusedBeforeAnyRequest(vaani("--state", state.toString(), "-f", state.toString()),
                "--state and --file name the same file: " + state);
        refusedBeforeAnyRequest(vaani("--state", state.toString(), "--summary-json", state.toString()),
                "--state and --summary-json name the same file: " + state);
        assertThat(state).doesNotExist();
    }

    @Test
    void theStateTheOutputAndTheSummaryInThreeFilesAreAllWritten() {
        Path state = dir.resolve("state.json");
        Path out = dir.resolve("calls.jsonl");
        Path summary = dir.resolve("summary.json");
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = vaani("--state", state.toString(), "-f", out.toString(), "--summary-json", summary.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(state).isNotEmptyFile();
        assertThat(out).isNotEmptyFile();
        assertThat(summary).isNotEmptyFile();
    }

    @Test
    void theLargestWholeNumbersAreReadAndThenCheckedAgainstTheOptionsLimits() {
        refusedBeforeAnyRequest(vaani("--retries", "2147483647"), "--retries must be at most 100");
        refusedBeforeAnyRequest(vaani("--retries=-2147483648"), "--retries must be 0 or more");
        refusedBeforeAnyRequest(vaani("--limit=-9223372036854775808"), "--limit must be at least 1");
        exportsTheOnlyPage("--limit", "9223372036854775807");
    }
}
