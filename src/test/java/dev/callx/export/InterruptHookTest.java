package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C mid-export (SPEC 7, exit 130): the shutdown hook runs what the export registered, which says
 * on stderr what was left where: stdout holds what was written so far, a --file and the --state are
 * left as they were.
 */
class InterruptHookTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path tmp;

    /**
     * Runs a Vaani export of two pages, and runs the shutdown hook's cleanup while page 2 is asked
     * for; then page 2 is answered and the run ends as it may.
     */
    private Result interruptedDuringPage2(String... extra) throws Exception {
        CountDownLatch secondAsked = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        server.whenQuery("page", "1").respondJson(ApiPages.vaani(1, 1, 2L, 2L, true, List.of("v1")));
        server.whenQuery("page", "2").answer(req -> {
            secondAsked.countDown();
            try {
                resume.await(10, TimeUnit.SECONDS); // bounded: a missing Ctrl-C fails the assertions below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Api.json(ApiPages.vaani(2, 1, 2L, 2L, false, List.of("v2")));
        });
        List<String> args = new ArrayList<>(List.of("vaani", "--base-url", server.baseUrl(), "-o", "csv",
                "--fields", "id", "--no-header", "--page-size", "1"));
        args.addAll(List.of(extra));
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001");
        AtomicReference<Result> result = new AtomicReference<>();
        Thread export = new Thread(() -> result.set(runner.run(args.toArray(String[]::new))));
        export.start();
        assertThat(secondAsked.await(10, TimeUnit.SECONDS)).as("page 2 was asked for").isTrue();

        runner.cleanup().runAll(); // what the shutdown hook does on Ctrl-C

        resume.countDown();
        export.join(10_000);
        assertThat(export.isAlive()).as("the export returned").isFalse();
        return result.get();
    }

    @Test
    void ctrlCSaysWhatWasWrittenSoFarIsOnStdout() throws Exception {
        Result r = interruptedDuringPage2();

        assertThat(r.errLines()).as(r.toString()).contains("callx vaani: interrupted; what was written so far is on stdout");
        assertThat(r.out()).as(r.toString()).startsWith("v1");
    }

    @Test
    void ctrlCWithStateSaysTheStateWasLeftAsItWas() throws Exception {
        Result r = interruptedDuringPage2("--state", tmp.resolve("state.json").toString());

        assertThat(r.errLines()).as(r.toString()).contains(
                "callx vaani: interrupted; what was written so far is on stdout; the state was left as it was");
    }

    @Test
    void ctrlCLeavesTheFileAsItWasAndSaysSo() throws Exception {
        Path file = tmp.resolve("calls.csv");
        Files.writeString(file, "yesterday\n");

        Result r = interruptedDuringPage2("-f", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.errLines()).as(r.toString()).contains("callx vaani: interrupted; " + file + " was left as it was");
        assertThat(Files.readString(file)).isEqualTo("yesterday\n");
        try (var files = Files.list(tmp)) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void ctrlCWithAFileAndStateSaysBothWereLeftAsTheyWere() throws Exception {
        Path file = tmp.resolve("calls.csv");
        Path state = tmp.resolve("state").resolve("state.json");
        Files.createDirectories(state.getParent());

        Result r = interruptedDuringPage2("-f", file.toString(), "--state", state.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.errLines()).as(r.toString())
                .contains("callx vaani: interrupted; " + file + " was left as it was, and so was the state");
        assertThat(file).doesNotExist();
    }
}
