package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC 5: --since/--until filtered on the client where the API has no such parameters (Vaani):
 * --since inclusive, --until exclusive; a record without a readable start time is left out and a
 * warning says how many; with -v, a line says how many were outside the window.
 */
class ClientWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    /** A Vaani call whose Start_time (zone-less, read in UTC) is {@code start}; null for a JSON null. */
    private static ObjectNode call(String id, String start) {
        ObjectNode call = ApiPages.vaaniCall(id);
        if (start == null) {
            call.putNull("Start_time");
        } else {
            call.put("Start_time", start);
        }
        return call;
    }

    /** Vaani's only page, holding these calls. */
    private static String page(ObjectNode... calls) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (ObjectNode c : calls) {
            data.add(c);
        }
        body.putObject("pagination").put("page", 1).put("page_size", 200).put("total_count", calls.length)
                .put("total_pages", 1).put("has_next", false).put("has_previous", false);
        return body.toString();
    }

    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("vaani", "--base-url", server.baseUrl(), "-o", "csv",
                "--fields", "id", "--no-header", "--since", "2026-11-20T00:00:00Z", "--until",
                "2026-11-21T00:00:00Z"));
        args.addAll(List.of(extra));
        return CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").run(args.toArray(String[]::new));
    }

    @Test
    void onlyCallsStartedFromSinceUntilBeforeUntilAreWritten() {
        server.enqueueJson(page(call("late", "2026-11-21T00:00:00"), call("inside", "2026-11-20T10:00:00"),
                call("at-since", "2026-11-20T00:00:00"), call("early", "2026-11-19T23:59:59")));

        Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("inside", "at-since");
        assertThat(r.err()).as("outside the window is no warning").doesNotContain("left out");
    }

    @Test
    void callsWithoutAReadableStartAreLeftOutWithAWarningThatCountsThem() {
        server.enqueueJson(page(call("no-start", null), call("inside", "2026-11-20T10:00:00"),
                call("placeholder", "<string>")));

        Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("inside");
        assertThat(r.errLines()).as(r.toString())
                .contains("callx vaani: 2 records without a readable started_at left out by --since/--until");
    }

    @Test
    void oneCallWithoutAReadableStartIsSingular() {
        server.enqueueJson(page(call("inside", "2026-11-20T10:00:00"), call("no-start", null)));

        Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("inside");
        assertThat(r.errLines()).as(r.toString())
                .contains("callx vaani: 1 record without a readable started_at left out by --since/--until");
    }

    @Test
    void verboseSaysHowManyCallsWereOutsideTheWindow() {
        server.enqueueJson(page(call("late", "2026-11-21T00:00:00"), call("inside", "2026-11-20T10:00:00"),
                call("early", "2026-11-19T23:59:59")));

        Result r = run("-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("inside");
        assertThat(r.errLines()).as(r.toString()).contains("callx vaani: 2 records outside --since/--until left out");
        assertThat(r.err()).as(r.toString()).doesNotContain("without a readable started_at");
    }

    @Test
    void whenEveryCallIsInsideTheWindowNothingIsSaidAboutCallsLeftOut() {
        server.enqueueJson(page(call("inside", "2026-11-20T10:00:00"), call("at-since", "2026-11-20T00:00:00")));

        Result r = run("-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("inside", "at-since");
        assertThat(r.err()).as(r.toString()).doesNotContain("left out");
    }
}
