package dev.callx.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C while a recording is being downloaded: the shutdown hook's cleanup leaves no part of it, and the run commits none. */
@Timeout(30) // latch-driven, a second or two: anything longer is a hang
class RecordingInterruptTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path tmp;

    /** Half the recording, then nothing until the test says so, then the rest. */
    private static final class HalfThenWait implements MockResponseBody {
        final CountDownLatch halfSent = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public long getContentLength() {
            return 200_000;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(new byte[100_000]);
            sink.flush();
            halfSent.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.write(new byte[100_000]);
            sink.flush();
        }
    }

    @Test
    void ctrlCDuringADownloadLeavesNoPartOfIt() throws Exception {
        ObjectNode call = ApiPages.vaaniCall("c1");
        call.put("recording_api", server.url("/api/stream/c1").toString());
        ObjectNode page = new ObjectMapper().createObjectNode();
        page.putArray("data").add(call);
        page.putObject("pagination").put("page", 1).put("page_size", 200).put("total_count", 1)
                .put("total_pages", 1).put("has_next", false);
        server.whenPath("/api/call-history").respondJson(page.toString());
        HalfThenWait body = new HalfThenWait();
        server.whenPath("/api/stream/c1").respond(new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "audio/ogg").body(body).build());
        Path dir = tmp.resolve("rec");
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "vk");
        AtomicReference<Result> result = new AtomicReference<>();
        Thread export = new Thread(() -> result.set(runner.run("vaani", "--base-url", server.baseUrl(),
                "--recordings", dir.toString(), "--retries", "0")));
        export.start();
        assertThat(body.halfSent.await(20, TimeUnit.SECONDS)).as("the download started").isTrue();

        runner.cleanup().runAll(); // what the shutdown hook does on Ctrl-C
        assertThat(files(dir)).as("right after the hook").isEmpty();

        body.release.countDown();
        export.join(20_000);
        assertThat(export.isAlive()).isFalse();
        assertThat(result.get().exitCode()).as(result.get().toString()).isEqualTo(130);
        assertThat(files(dir)).as("the interrupted run committed no recording and left no temporary file").isEmpty();
    }

    private static java.util.List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
