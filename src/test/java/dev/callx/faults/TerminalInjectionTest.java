package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 7: server text in a message line (a 401's detail, a snippet of a body that is not
 * JSON, Ravan's message) never reaches the terminal raw. Control characters, ESC, C1 controls and
 * bidi characters are shown as visible escapes: ESC as {@code \e}, BEL as {@code \x07}, CSI (U+009B)
 * as {@code \x9b}, a right-to-left override as {@code \u202e}.
 */
class TerminalInjectionTest {
    /** Sets the window title to PWNED, then clears the screen. */
    private static final String TITLE_AND_CLEAR = "\u001b]0;PWNED\u0007\u001b[2J";
    /** The same, as callx must show it. */
    private static final String TITLE_AND_CLEAR_SHOWN = "\\e]0;PWNED\\x07\\e[2J";
    /** The same escape sequence as a JSON string escapes it. */
    private static final String TITLE_AND_CLEAR_JSON = "\\u001b]0;PWNED\\u0007\\u001b[2J";

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String base() {
        return server.url("/").toString();
    }

    private static CallxRunner callx() {
        return CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").env("RAVAN_API_KEY", "rk-test-0001")
                .env("ZUDU_API_KEY", "zk-test-0001").env("ZUDU_API_SECRET", "zs-test-0001");
    }

    /** Nothing a terminal acts on in what was printed: no C0 (but the line ends), DEL, C1 or format character. */
    private static void assertHarmless(Result r) {
        String err = r.err();
        for (int i = 0; i < err.length(); i++) {
            char c = err.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0);
            boolean format = Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029;
            assertThat(control || format).as("U+%04X at %d in %s", (int) c, i, r).isFalse();
        }
    }

    @Test
    void aDetailOfA401IsShownEscaped() {
        server.enqueue(Api.json(401, "{\"detail\": \"bad key " + TITLE_AND_CLEAR_JSON + "\"}"));
        Result r = callx().run("vaani", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx vaani: Vaani Voice refused the credentials "
                + "(HTTP 401 Unauthorized): bad key " + TITLE_AND_CLEAR_SHOWN + ". Check VAANI_API_KEY");
        assertHarmless(r);
    }

    @Test
    void aDetailOfA401IsShownEscapedWithQuietToo() {
        server.enqueue(Api.json(401, "{\"detail\": \"" + TITLE_AND_CLEAR_JSON + "\"}"));
        Result r = callx().run("vaani", "--base-url", base(), "-q");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains(": " + TITLE_AND_CLEAR_SHOWN + ". Check VAANI_API_KEY");
        assertHarmless(r);
    }

    @Test
    void aSnippetOfABodyThatIsNotJsonIsShownEscaped() {
        // raw control characters are not allowed in a JSON string: the body is not JSON, and is quoted
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<b>" + TITLE_AND_CLEAR + "\u009b31m</b>").build());
        Result r = callx().run("vaani", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("\"<b>" + TITLE_AND_CLEAR_SHOWN + "\\x9b31m</b>\"");
        assertHarmless(r);
    }

    @Test
    void ravansMessageInAnHttp200FailureIsShownEscaped() {
        server.enqueue(Api.json("{\"success\": false, \"message\": \"" + TITLE_AND_CLEAR_JSON + " no \\u202eeulav\"}"));
        Result r = callx().run("sessions", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("(success: false): " + TITLE_AND_CLEAR_SHOWN
                + " no \\u202eeulav. Check");
        assertHarmless(r);
    }

    @Test
    void ravansMessageInA403IsShownEscaped() {
        server.enqueue(Api.json(403, "{\"message\": \"" + TITLE_AND_CLEAR_JSON + "\"}"));
        Result r = callx().run("contact-calls", "ct_0001", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx contact-calls: Ravan AI refused the "
                + "credentials (HTTP 403 Forbidden): " + TITLE_AND_CLEAR_SHOWN + ". Check RAVAN_API_KEY");
        assertHarmless(r);
    }

    @Test
    void aNewlineInAServerMessageCannotForgeALine() {
        // a retry line of -v carries the platform's message: a newline in it would start a line of its own
        server.enqueue(Api.json(503, "{\"detail\": \"busy\\ncallx vaani: wrote 0 records\\r\\u2028x\"}"));
        server.enqueue(Api.json(401, "{\"detail\": \"no\"}"));
        Result r = callx().run("vaani", "--base-url", base(), "-v", "--retries", "1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.errLines()).as(r.toString()).filteredOn(l -> l.contains("wrote 0 records"))
                .allSatisfy(l -> assertThat(l).contains("busy\\ncallx vaani: wrote 0 records\\r\\u2028x"))
                .isNotEmpty();
        assertThat(r.errLines()).as(r.toString()).noneMatch(l -> l.startsWith("callx vaani: wrote"));
        assertHarmless(r);
    }

    @Test
    void aWarningCarriesNoEscapeSequence() {
        String page = "{\"data\": [{\"call_id\": \"c1\", \"call_cost\": \"" + TITLE_AND_CLEAR_JSON + "\"}],"
                + " \"pagination\": {\"has_next\": false}}";
        server.enqueue(Api.json(page));
        Result r = callx().run("vaani", "--base-url", base(), "-o", "jsonl");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("warning: cost value \"" + TITLE_AND_CLEAR_SHOWN + "\"");
        assertHarmless(r);
    }

    @Test
    void anArgumentEchoedInAUsageErrorIsShownEscaped() {
        // an argument from a script that pasted server text: picocli's own message quotes it
        Result r = callx().run("vaani", "--base-url", base(), "--page-size", TITLE_AND_CLEAR);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains(TITLE_AND_CLEAR_SHOWN);
        assertHarmless(r);
    }

    @Test
    void anArgumentEchoedInACallxUsageErrorIsShownEscaped() {
        Result r = callx().run("vaani", "--base-url", base(), "-o", "\u202etable");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx vaani: --output expects table, csv, jsonl or "
                + "json, got '\\u202etable'; did you mean 'table'? (see 'callx vaani --help')");
        assertHarmless(r);
    }
}
