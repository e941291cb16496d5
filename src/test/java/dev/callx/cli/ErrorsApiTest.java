package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static dev.callx.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 7, the API's answers: 401/403 are exit 3, 404 exit 4, any other 4xx (and a failure
 * reported in an HTTP 200) exit 5 with the platform's own message. None of them is retried; the
 * statuses that are (429, 500, 502, 503, 504) end with exit 6 once the retries are spent.
 */
class ErrorsApiTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--base-url";
        all[args.length + 1] = server.baseUrl();
        return CallxRunner.callx().env("RAVAN_API_KEY", "rk-test-0001").env("VAANI_API_KEY", "vk-test-0001")
                .env("ZUDU_API_KEY", "zk-test-0001").env("ZUDU_API_SECRET", "zs-test-0001").run(all);
    }

    // ---- exit 3: the credentials were refused ----

    @Test
    void vaani401IsExit3NamingTheVariableToCheck() {
        server.enqueue(json(401, "{\"detail\": \"Invalid API key\"}"));
        Result r = run("vaani");

        assertOneLineError(r, 3, "vaani", "Vaani Voice", "HTTP 401", "Invalid API key", "Check VAANI_API_KEY");
        assertThat(server.requestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void zudu403IsExit3NamingBothVariables() {
        server.enqueue(json(403, "{\"status\": \"error\", \"error\": \"API key is disabled\", \"data\": null}"));
        Result r = run("calls");

        assertOneLineError(r, 3, "calls", "Zudu AI", "HTTP 403", "API key is disabled", "ZUDU_API_KEY",
                "ZUDU_API_SECRET");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void ravan401OnPhoneHistoryWithATokenNamesTheToken() {
        server.enqueue(json(401, "{\"success\": false, \"message\": \"token expired\"}"));
        Result r = CallxRunner.callx().env("RAVAN_TOKEN", "rt-test-0001")
                .run("phone-history", "+14155550100", "--base-url", server.baseUrl());

        assertOneLineError(r, 3, "phone-history", "Ravan AI", "HTTP 401", "token expired", "Check RAVAN_TOKEN");
    }

    @Test
    void a401WithoutABodyIsStillExit3() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        Result r = run("sessions");

        assertOneLineError(r, 3, "sessions", "Ravan AI", "HTTP 401", "Check RAVAN_API_KEY");
    }

    // ---- exit 4: not found ----

    @Test
    void anUnknownContactIdIsExit4() {
        server.enqueue(json(404, "{\"success\": false, \"message\": \"contact not found\"}"));
        Result r = run("contact-calls", "ct_missing");

        String line = assertOneLineError(r, 4, "contact-calls", "Ravan AI", "HTTP 404", "contact not found",
                "ct_missing", "Check");
        assertThat(line).as(r.toString()).doesNotContain("found no the");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void a404OnAPagedListIsExit4AndSuggestsTheBaseUrl() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
                .body("<html><body>Not Found</body></html>").build());
        Result r = run("calls");

        assertOneLineError(r, 4, "calls", "Zudu AI", "HTTP 404", "--base-url");
    }

    // ---- exit 5: the request was rejected, with the platform's message ----

    @Test
    void vaani422ShowsTheDetailList() {
        server.enqueue(json(422, "{\"detail\": [{\"loc\": [\"query\", \"page_size\"], "
                + "\"msg\": \"ensure this value is less than or equal to 200\", \"type\": \"value_error\"}]}"));
        Result r = run("vaani", "--param", "client=abc");

        assertOneLineError(r, 5, "vaani", "Vaani Voice", "HTTP 422",
                "query.page_size: ensure this value is less than or equal to 200", "Check");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void vaani422WithTwoProblemsShowsBoth() {
        server.enqueue(json(422, "{\"detail\": [{\"loc\": [\"query\", \"page\"], \"msg\": \"value is not a valid "
                + "integer\"}, {\"loc\": [\"query\", \"page_size\"], \"msg\": \"field required\"}]}"));
        Result r = run("vaani");

        assertOneLineError(r, 5, "vaani", "query.page: value is not a valid integer",
                "query.page_size: field required");
    }

    @Test
    void ravan400ShowsItsMessage() {
        server.enqueue(json(400, "{\"success\": false, \"message\": \"invalid sort_by: foo\"}"));
        Result r = run("sessions", "--sort-by", "foo");

        assertOneLineError(r, 5, "sessions", "Ravan AI", "HTTP 400", "invalid sort_by: foo", "Check");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void zudu400ShowsItsError() {
        server.enqueue(json(400, "{\"message\": \"Bad request\", \"status\": \"error\", "
                + "\"error\": \"limit must be at most 100\", \"data\": null}"));
        Result r = run("calls", "--page-size", "500");

        assertOneLineError(r, 5, "calls", "Zudu AI", "HTTP 400", "limit must be at most 100");
    }

    @Test
    void another4xxWithAPlainTextBodyShowsTheText() {
        server.enqueue(new MockResponse.Builder().code(409).addHeader("Content-Type", "text/plain")
                .body("export already running").build());
        Result r = run("vaani");

        assertOneLineError(r, 5, "vaani", "Vaani Voice", "HTTP 409", "export already running");
    }

    @Test
    void ravanSuccessFalseInAn200IsExit5WithItsMessage() {
        server.enqueue(json("{\"success\": false, \"message\": \"phone number is not in E.164 format\", "
                + "\"calls\": []}"));
        Result r = run("phone-history", "+14155550100");

        assertOneLineError(r, 5, "phone-history", "Ravan AI", "HTTP 200", "success: false",
                "phone number is not in E.164 format");
    }

    @Test
    void zuduStatusErrorInAn200IsExit5WithItsError() {
        server.enqueue(json("{\"message\": \"Failed\", \"status\": \"error\", \"error\": \"organization "
                + "suspended\", \"data\": null}"));
        Result r = run("calls");

        assertOneLineError(r, 5, "calls", "Zudu AI", "HTTP 200", "organization suspended");
    }

    @Test
    void aFailureReportedInAnHttp200SaysWhatToDoNext() {
        server.enqueue(json("{\"success\": false, \"message\": \"agent not found\"}"));
        server.enqueue(json("{\"status\": \"error\", \"error\": \"bad sort_by\", \"data\": null}"));

        assertOneLineError(run("sessions"), 5, "sessions", "agent not found", "Check");
        assertOneLineError(run("calls"), 5, "calls", "bad sort_by", "Check");
    }

    // ---- SPEC section 7 status by status: the exact code, and whether it was retried ----

    @Test
    void aSuccessIsExit0AlsoWhenNothingMatched() {
        server.enqueueJson("{\"data\": [], \"pagination\": {\"has_next\": false}}");
        Result r = run("vaani", "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} is exit {1}")
    @CsvSource({"400, 5", "401, 3", "403, 3", "404, 4", "409, 5", "422, 5", "499, 5", "501, 6", "505, 6", "599, 6"})
    void aStatusThatIsNotRetriedEndsWithItsCodeAfterOneRequest(int status, int exit) {
        server.enqueue(json(status, "{\"detail\": \"no\"}"));
        Result r = run("vaani");
        assertOneLineError(r, exit, "vaani", "HTTP " + status);
        assertThat(server.requestCount()).as("not retried").isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0} after the retries is exit 6")
    @CsvSource({"429", "500", "502", "503", "504"})
    void aRetriedStatusThatPersistsIsExit6(int status) {
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(status, "{\"detail\": \"busy\"}"));
        }
        Result r = run("vaani", "--retries", "1", "--max-wait", "1s");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.errLines()).as(r.toString()).last().asString().startsWith("callx vaani: ").contains("HTTP " + status);
        assertThat(server.requestCount()).as("one retry").isEqualTo(2);
    }

    @Test
    void aResponseThatIsNotJsonIsExit7() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>login</html>").build());
        Result r = run("vaani");
        assertOneLineError(r, 7, "vaani", "not JSON");
    }
}
