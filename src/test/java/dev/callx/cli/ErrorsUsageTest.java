package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC section 7, exit 2: a usage error, found before any request, in one line that says what to do. */
class ErrorsUsageTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();
    private CallxRunner callx;

    @BeforeEach
    void credentials() {
        callx = CallxRunner.callx().env("RAVAN_API_KEY", "rk-test-0001").env("VAANI_API_KEY", "vk-test-0001")
                .env("ZUDU_API_KEY", "zk-test-0001").env("ZUDU_API_SECRET", "zs-test-0001");
    }

    @AfterEach
    void noRequest() {
        assertThat(server.requestCount()).as("a usage error sends no request").isZero();
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--base-url");
        all.add(server.baseUrl());
        return callx.run(all.toArray(String[]::new));
    }

    private static void seeHelp(Result r, String command) {
        assertThat(r.err()).as(r.toString()).contains("callx " + command + " --help");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"12345", "+0123", "+0123456789", "14155550100", "+1415555010012345", "+1 415 555 0100",
            "+1415555abcd", ""})
    void aPhoneThatIsNotE164IsExit2(String phone) {
        Result r = run("phone-history", phone);

        assertOneLineError(r, 2, "phone-history", "E.164", "'" + phone + "'", "+14155550100");
        seeHelp(r, "phone-history");
    }

    @Test
    void aBadPhoneIsAUsageErrorEvenWithoutCredentials() {
        Result r = CallxRunner.callx().run("phone-history", "12345", "--base-url", server.baseUrl());

        assertOneLineError(r, 2, "phone-history", "E.164");
    }

    @Test
    void aMissingPhoneIsExit2() {
        Result r = run("phone-history");

        assertOneLineError(r, 2, "phone-history", "PHONE");
        seeHelp(r, "phone-history");
    }

    @Test
    void aBadCallerNumberIsExit2() {
        Result r = run("sessions", "--caller", "5550100");

        assertOneLineError(r, 2, "sessions", "--caller", "E.164");
    }

    @ParameterizedTest(name = "--since {0}")
    @ValueSource(strings = {"yesterday", "2026-13-45", "2026-02-30", "24x", "01/11/2026", "-3d"})
    void aBadSinceIsExit2(String since) {
        Result r = run("vaani", "--since", since);

        assertOneLineError(r, 2, "vaani", "--since", since, "2026-11-01", "24h");
    }

    @Test
    void aBadUntilIsExit2() {
        Result r = run("sessions", "--until", "tomorrow");

        assertOneLineError(r, 2, "sessions", "--until", "tomorrow");
    }

    @Test
    void sinceAfterUntilIsExit2() {
        Result r = run("calls", "--since", "2026-11-02", "--until", "2026-11-01");

        assertOneLineError(r, 2, "calls", "--since", "--until");
    }

    @Test
    void unknownFieldsAreExit2AndTheValidOnesAreListed() {
        Result r = run("vaani", "--fields", "id,started,cost");

        String line = assertOneLineError(r, 2, "vaani", "started");
        assertThat(line).as(r.toString()).contains("started_at", "duration_sec", "transcript_url", "metadata");
    }

    @Test
    void quietWithVerboseIsExit2() {
        Result r = run("vaani", "--quiet", "--verbose");

        assertOneLineError(r, 2, "vaani", "--quiet", "--verbose");
        seeHelp(r, "vaani");
    }

    @Test
    void anUnknownOutputFormatIsExit2() {
        Result r = run("calls", "-o", "xml");

        assertOneLineError(r, 2, "calls", "xml", "csv", "jsonl");
    }

    @Test
    void aPageSizeAboveThePlatformMaximumIsExit2() {
        Result r = run("vaani", "--page-size", "500");

        assertOneLineError(r, 2, "vaani", "--page-size", "200");
    }

    @Test
    void aNumberOptionThatIsNotANumberIsExit2() {
        Result r = run("vaani", "--limit", "ten");

        assertOneLineError(r, 2, "vaani", "--limit", "ten");
        seeHelp(r, "vaani");
    }

    @Test
    void aBadTimeoutIsExit2() {
        Result r = run("vaani", "--timeout", "soon");

        assertOneLineError(r, 2, "vaani", "--timeout", "soon", "30s");
    }

    @Test
    void aBadSortOrderIsExit2() {
        Result r = run("sessions", "--sort-order", "up");

        assertOneLineError(r, 2, "sessions", "--sort-order", "asc", "desc");
    }

    @Test
    void aParamThatWouldBreakPagingIsExit2() {
        Result r = run("vaani", "--param", "page_size=1000");

        assertOneLineError(r, 2, "vaani", "--param", "--page-size");
    }

    @Test
    void aBaseUrlThatIsNotAUrlIsExit2() {
        Result r = callx.run("vaani", "--base-url", "api.vaanivoice.ai");

        assertOneLineError(r, 2, "vaani", "--base-url", "api.vaanivoice.ai");
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        Result r = callx.run("vaani", "--base-url", "http://api.vaanivoice.ai/");

        assertOneLineError(r, 2, "vaani", "http://", "--allow-http");
    }

    @Test
    void aBadTimeZoneIsExit2() {
        Result r = run("vaani", "--tz", "Mars/Olympus");

        assertOneLineError(r, 2, "vaani", "--tz", "Mars/Olympus");
    }
}
