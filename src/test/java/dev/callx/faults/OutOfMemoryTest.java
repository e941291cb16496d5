package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.cli.AppContext;
import dev.callx.cli.Cli;
import dev.callx.export.Cleanup;
import dev.callx.http.Sleeper;
import dev.callx.testing.CallxRunner.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 5, its last sentence: an OutOfMemoryError anywhere is one line on stderr and exit 1,
 * never a stack trace without -v.
 */
class OutOfMemoryTest {
    /** A clock, which every export reads first thing, that throws what it is given. */
    private static final class FailingClock extends Clock {
        private final Supplier<RuntimeException> runtime;
        private final Supplier<Error> error;

        FailingClock(Supplier<RuntimeException> runtime, Supplier<Error> error) {
            this.runtime = runtime;
            this.error = error;
        }

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
            if (error != null) {
                throw error.get();
            }
            throw runtime.get();
        }
    }

    private static Result run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Sleeper noWait = d -> { };
        AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", "vk-test-0001"), clock, noWait, new Random(7),
                () -> false, () -> 100, new Cleanup());
        int code;
        try {
            code = Cli.create(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        } catch (OutOfMemoryError e) {
            // JUnit would end the whole test run on it: a failure of this test instead
            throw new AssertionError("the OutOfMemoryError escaped callx: " + e);
        }
        return new Result(List.of(args), code, out.toString(), err.toString());
    }

    @Test
    void anOutOfMemoryErrorIsOneLineAndExit1() {
        Result r = run(new FailingClock(null, () -> new OutOfMemoryError("Java heap space")),
                "vaani", "--base-url", "http://127.0.0.1:1/");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).containsExactly("callx vaani: out of memory (Java heap space); "
                + "the export is incomplete. Give Java more memory (e.g. JAVA_TOOL_OPTIONS=-Xmx2g) or export less "
                + "at once (--since/--until)");
    }

    @Test
    void anOutOfMemoryErrorAsTheCauseOfAnotherIsOneLineAndExit1() {
        // as a worker thread's failure reaches the thread waiting for it
        Result r = run(new FailingClock(() -> new IllegalStateException("worker failed",
                new OutOfMemoryError("Java heap space")), null), "vaani", "--base-url", "http://127.0.0.1:1/");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: out of memory (Java heap space); ")
                .doesNotContain("\tat ").doesNotContain("worker failed");
    }

    @Test
    void withVerboseTheStackTraceFollowsTheLine() {
        Result r = run(new FailingClock(null, () -> new OutOfMemoryError("Java heap space")),
                "vaani", "--base-url", "http://127.0.0.1:1/", "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith("callx vaani: out of memory (Java heap space); ");
        assertThat(r.err()).as(r.toString()).contains("java.lang.OutOfMemoryError: Java heap space\n")
                .contains("\tat dev.callx.faults.OutOfMemoryTest$FailingClock.instant");
    }

    /**
     * The real thing, in a process of its own with a small heap: a page far larger than the heap.
     * Exit 1, one line, and --file left as it was with no temporary file.
     */
    @Test
    void aResponseLargerThanTheHeapIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.writeString(file, "yesterday\n");
        Buffer body = new Buffer().writeUtf8("{\"data\": [{\"call_id\": \"c1\", \"call_summary\": \"");
        byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 64; i++) {
            body.write(chunk);
        }
        body.writeUtf8("\"}], \"pagination\": {\"has_next\": false}}");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(body).build());
            server.start();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx24m", "-cp", classpath, "dev.callx.cli.Main",
                    "vaani", "--base-url", server.url("/").toString(), "-f", file.toString(), "--retries", "0");
            pb.environment().put("VAANI_API_KEY", "vk-test-0001");
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(err).isEqualTo(1);
            assertThat(err.split("\n")).as(err).hasSize(1);
            assertThat(err).as(err).startsWith("callx vaani: out of memory (Java heap space); ")
                    .doesNotContain("\tat ").doesNotContain("Exception in thread");
        }
        assertThat(Files.readString(file)).isEqualTo("yesterday\n");
        assertThat(names(dir)).containsExactly("calls.jsonl");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
