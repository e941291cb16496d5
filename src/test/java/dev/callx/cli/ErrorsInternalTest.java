package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.export.Cleanup;
import dev.callx.http.Sleeper;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 7, exit 1 (an unexpected internal error) and exit 130 (interrupted).
 *
 * <p>No input makes callx fail unexpectedly on purpose, so exit 1 is caused the way a bug would
 * cause it: a collaborator of the run (here the clock, which every export reads first thing)
 * throws a RuntimeException. The run goes through {@link Cli#create} and picocli like any other,
 * so this tests the real error handler and exit code mapper, not a copy.
 */
class ErrorsInternalTest {
    private static final String KEY = "vk-test-0001";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    /** A clock that fails like a bug would. */
    private static final class BrokenClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new IllegalStateException("clock is broken\nsecond line of the message");
        }
    }

    private Result runWithBrokenClock(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Sleeper noWait = d -> { };
        AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", KEY), new BrokenClock(), noWait, new Random(7),
                () -> false, () -> 100, new Cleanup());
        int code = Cli.create(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(List.of(args), code, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedExceptionIsExit1InOneLine() {
        Result r = runWithBrokenClock("vaani", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: internal error: ")
                .contains("clock is broken", "-v", "report").doesNotContain("\tat ");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void withVerboseAnUnexpectedExceptionShowsItsStackTrace() {
        Result r = runWithBrokenClock("vaani", "--base-url", server.baseUrl(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith("callx vaani: internal error: ")
                .contains("clock is broken");
        assertThat(r.errLines()).as(r.toString()).hasSizeGreaterThan(2);
        assertThat(r.err()).as(r.toString()).contains("java.lang.IllegalStateException")
                .contains("\tat dev.callx.cli.ErrorsInternalTest$BrokenClock.instant");
    }

    @Test
    void anExpectedErrorHasNoStackTraceEvenWithVerbose() {
        server.enqueue(json(401, "{\"detail\": \"nope\"}"));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", KEY).run("vaani", "--base-url",
                server.baseUrl(), "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aKeyThatCannotGoInAHeaderIsExit3NotAnInternalError() {
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-t\u00ebst-0001").run("vaani", "--base-url",
                server.baseUrl());

        assertOneLineError(r, 3, "vaani", "VAANI_API_KEY");
        assertThat(r.err()).doesNotContain("vk-t\u00ebst-0001");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void theExitCodeMapperTurnsAnyOtherThrowableInto1() {
        assertThat(Cli.exitCode(new NullPointerException())).isEqualTo(1);
        assertThat(Cli.exitCode(new OutOfMemoryError())).isEqualTo(1);
        assertThat(Cli.exitCode(dev.callx.error.CallxException.notFound("x"))).isEqualTo(4);
    }

    // ---- 130: interrupted ----

    @Test
    void anInterruptDuringARetryWaitIsExit130() {
        server.enqueue(json(503, "{\"detail\": \"busy\"}"));
        server.enqueue(json(resource("/api/vaani-call-history.json")));
        CallxRunner callx = CallxRunner.callx().env("VAANI_API_KEY", KEY).interruptWaits();
        Result r = callx.run("vaani", "--base-url", server.baseUrl());

        assertOneLineError(r, 130, "vaani", "interrupted", "page 1", "Vaani Voice", "again");
        assertThat(server.requestCount()).as("nothing is fetched after the interrupt").isEqualTo(1);
        assertThat(callx.waits()).hasSize(1);
    }

    @Test
    void anInterruptedExportLeavesTheExistingFileUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.csv");
        Files.writeString(file, "yesterday\n");
        String page1 = resource("/api/vaani-call-history.json");
        server.enqueue(json(page1));
        server.enqueue(json(503, "{\"detail\": \"busy\"}"));
        CallxRunner callx = CallxRunner.callx().env("VAANI_API_KEY", KEY).interruptWaits();
        Result r = callx.run("vaani", "--base-url", server.baseUrl(), "-f", file.toString(),
                "--page-size", "1", "--concurrency", "1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(Files.readString(file)).isEqualTo("yesterday\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left").containsExactly(file);
        }
        assertThat(callx.waits()).hasSize(1);
    }
}
