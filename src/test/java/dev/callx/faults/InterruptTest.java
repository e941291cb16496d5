package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C mid-export: the shutdown hook runs the registered cleanup, which must leave an existing
 * --file byte-identical and no temporary file behind, even though records were already written.
 */
@Timeout(15) // a latch-driven test of well under a second: anything longer is a hang
class InterruptTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @Test
    void interruptedExportLeavesTheExistingFileAsItWas() throws Exception {
        Path file = dir.resolve("calls.csv");
        byte[] before = "provider,id\nvaani,yesterday\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);
        List<ObjectNode> records = FakePlatform.records(FakePlatform.VAANI, 300,
                i -> CallxRunner.NOW.minus(Duration.ofMinutes(i)));
        CountDownLatch secondPageAsked = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int page = Integer.parseInt(request.getUrl().queryParameter("page"));
                if (page == 2) {
                    secondPageAsked.countDown();
                    // the export is mid-way when Ctrl-C comes; never wait without a bound
                    if (!interrupted.await(10, TimeUnit.SECONDS)) {
                        return new MockResponse.Builder().code(599).body("test: Ctrl-C never came").build();
                    }
                }
                return new MockResponse.Builder().code(200)
                        .body(FakePlatform.VAANI.page(records, page, 100)).build();
            }
        };
        server.dispatchWith(dispatcher);
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "key");
        AtomicReference<Result> result = new AtomicReference<>();
        Thread export = new Thread(() -> result.set(runner.run("vaani", "--base-url", server.baseUrl(),
                "--page-size", "100", "-f", file.toString())));
        export.start();
        assertThat(secondPageAsked.await(10, TimeUnit.SECONDS)).as("page 2 was asked for").isTrue();

        runner.cleanup().runAll(); // what the shutdown hook does on Ctrl-C

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
        interrupted.countDown();
        export.join(10_000);
        assertThat(export.isAlive()).as("the export returned after Ctrl-C").isFalse();
        // Had the JVM not halted, the run still must not commit the aborted file.
        assertThat(result.get().exitCode()).as(result.get().toString()).isEqualTo(130);
        assertThat(result.get().err()).as(result.get().toString())
                .contains("callx vaani: interrupted; " + file + " was left as it was");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("calls.csv")).toList();
        }
    }
}
