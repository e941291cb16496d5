package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.export.Cleanup;
import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.PlatformServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A write to stdout that fails: quiet when the reader left (| head), a failure otherwise (full disk). */
class StdoutFailureTest {
    private static final String PAGE = Api.vaaniOnlyPage();

    /** A stdout whose every write fails with {@code failure}, as the real one does once the disk is full. */
    private static int run(IOException failure, StringWriter err) throws Exception {
        try (PlatformServer server = PlatformServer.serving(Api.json(PAGE))) {
            Writer failing = new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    throw failure;
                }

                @Override
                public void flush() throws IOException {
                    throw failure;
                }

                @Override
                public void close() {
                }
            };
            AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", "k"), Clock.fixed(CallxRunner.NOW, ZoneOffset.UTC),
                    d -> { }, new Random(1), () -> false, () -> 100, new Cleanup()).withStdoutFailure(() -> failure);
            return Cli.create(ctx, new PrintWriter(failing), new PrintWriter(err, true))
                    .execute("vaani", "--base-url", server.baseUrl());
        }
    }

    @Test
    void aFullDiskIsAFailureWithAMessage() throws Exception {
        StringWriter err = new StringWriter();
        int code = run(new IOException("No space left on device"), err);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("callx vaani: could not write to stdout: No space left on device")
                .doesNotContain("internal error");
    }

    @Test
    void aReaderThatWentAwayEndsTheExportQuietly() throws Exception {
        StringWriter err = new StringWriter();
        int code = run(new IOException("Broken pipe"), err);
        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
