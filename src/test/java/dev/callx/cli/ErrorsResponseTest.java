package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static dev.callx.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC section 7, exit 7: the response was not what the API documents. Not retried. */
class ErrorsResponseTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();
    private CallxRunner callx;

    @BeforeEach
    void credentials() {
        callx = CallxRunner.callx().env("RAVAN_API_KEY", "rk-test-0001").env("VAANI_API_KEY", "vk-test-0001")
                .env("ZUDU_API_KEY", "zk-test-0001").env("ZUDU_API_SECRET", "zs-test-0001");
    }

    private String base() {
        return server.baseUrl();
    }

    @Test
    void aBodyThatIsNotJsonIsExit7() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain")
                .body("OK then").build());
        Result r = callx.run("vaani", "--base-url", base());

        assertOneLineError(r, 7, "vaani", "Vaani Voice", "not JSON", "HTTP 200", "OK then", "Check --base-url");
        assertThat(server.requestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void anHtmlPageWithStatus200IsExit7() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html>\n<html>\n<head><title>Sign in</title></head>\n<body>Please sign in</body>\n"
                        + "</html>\n").build());
        Result r = callx.run("calls", "--base-url", base());

        assertOneLineError(r, 7, "calls", "Zudu AI", "not JSON", "HTTP 200", "<!DOCTYPE html>", "Check --base-url");
    }

    @Test
    void anEmptyBodyIsExit7() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        Result r = callx.run("sessions", "--base-url", base());

        assertOneLineError(r, 7, "sessions", "Ravan AI", "empty body", "HTTP 200", "Check --base-url");
    }

    @Test
    void vaaniWithoutDataIsExit7() {
        server.enqueue(json("{\"items\": [], \"pagination\": {\"page\": 1}}"));
        Result r = callx.run("vaani", "--base-url", base());

        assertOneLineError(r, 7, "vaani", "Vaani Voice", "page 1 (HTTP 200)", "'data'", "Check --base-url");
    }

    @Test
    void aJsonArrayWhereAnObjectIsDocumentedIsExit7() {
        server.enqueue(json("[{\"call_id\": \"c1\"}]"));
        Result r = callx.run("vaani", "--base-url", base());

        assertOneLineError(r, 7, "vaani", "Vaani Voice", "shape");
    }

    @Test
    void zuduWithoutCallsIsExit7() {
        server.enqueue(json("{\"status\": \"success\", \"data\": {\"pagination\": {\"page\": 0}}}"));
        Result r = callx.run("calls", "--base-url", base());

        assertOneLineError(r, 7, "calls", "Zudu AI", "data.calls");
    }

    @Test
    void ravanPhoneHistoryWithCallsNotAListIsExit7() {
        server.enqueue(json("{\"success\": true, \"calls\": {\"id\": \"x\"}}"));
        Result r = callx.run("phone-history", "+14155550100", "--base-url", base());

        assertOneLineError(r, 7, "phone-history", "Ravan AI", "'calls'");
    }

    @Test
    void aPageRepeatingThePreviousOneIsExit7NotALoop() {
        String page = "{\"data\": [{\"call_id\": \"c1\"}, {\"call_id\": \"c2\"}], "
                + "\"pagination\": {\"page\": 1, \"page_size\": 2, \"has_next\": true}}";
        server.when(q -> true, "every page").answer(q -> json(page));
        Result r = callx.run("vaani", "--base-url", base(), "--page-size", "2");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        // page 1 alone; then 8 in flight, and one more launched as page 2 is taken, before its records
        // show the loop
        assertThat(server.requestCount()).as("page 1 alone, then at most 8 in flight").isBetween(2, 10);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ").contains("Vaani Voice", "page 2", "loop");
    }

    @Test
    void whenALaterPageFailsStdoutHoldsWholeRecordsOfTheEarlierPages() {
        StringBuilder page = new StringBuilder("{\"data\": [");
        for (int i = 0; i < 60; i++) {
            page.append(i == 0 ? "" : ",").append("{\"call_id\": \"c").append(i)
                    .append("\", \"call_summary\": \"a summary of the call, long enough to fill a buffer\"}");
        }
        page.append("], \"pagination\": {\"has_next\": true}}");
        server.whenQuery("page", "1").respondJson(page.toString());
        server.when(q -> !"1".equals(q.getUrl().queryParameter("page")), "pages after the first")
                .answer(q -> json(500, "{\"detail\": \"boom\"}"));
        Result r = callx.run("vaani", "--base-url", base(), "--page-size", "60");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.out()).as(r.toString()).endsWith("\n");
        assertThat(r.outLines()).as(r.toString()).hasSize(60);
    }

    @Test
    void aFailedExportLeavesTheExistingFileUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "yesterday's export\n");
        server.enqueue(json("{\"unexpected\": true}"));
        Result r = callx.run("vaani", "--base-url", base(), "-f", file.toString());

        assertOneLineError(r, 7, "vaani", "Vaani Voice");
        assertThat(Files.readString(file)).isEqualTo("yesterday's export\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
