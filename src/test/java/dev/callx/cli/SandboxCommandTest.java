package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.export.Cleanup;
import dev.callx.http.Sleeper;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Isolated: it checks that a port it freed stays closed, which a test class running alongside could take. */
@Isolated
@Timeout(15)
class SandboxCommandTest {
    @Test
    void printsWhereItServesAndWhatItAcceptsThenStopsWhenInterrupted() throws Exception {
        AtomicReference<Result> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(CallxRunner.callx().run("sandbox", "--calls", "50", "--seed", "7")));
        t.start();
        t.interrupt(); // stands in for Ctrl-C: the command must stop its server and return
        t.join(10_000);
        assertThat(t.isAlive()).as("the sandbox command returned when interrupted").isFalse();
        Result r = result.get();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("http://127.0.0.1:", "export VAANI_API_KEY=sandbox-vaani-key",
                "export ZUDU_API_SECRET=", "export RAVAN_BASE_URL=", "callx vaani", "callx phone-history +",
                "50 calls per platform, seed 7");
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void badSettingsAreUsageErrors() {
        Result rate = CallxRunner.callx().run("sandbox", "--error-rate", "1.5");
        assertThat(rate.exitCode()).as(rate.toString()).isEqualTo(2);
        assertThat(rate.err()).as(rate.toString()).contains("callx sandbox:");
        Result latency = CallxRunner.callx().run("sandbox", "--latency", "soon");
        assertThat(latency.exitCode()).as(latency.toString()).isEqualTo(2);
    }

    /**
     * {@code callx sandbox} run in a thread of its own, its stdout captured: {@link #awaitBanner} returns
     * once the banner was flushed, {@link #ctrlC} runs what the shutdown hook would.
     */
    private static final class Serving {
        final Cleanup cleanup = new Cleanup();
        final StringWriter banner = new StringWriter();
        final StringWriter errors = new StringWriter();
        final CountDownLatch flushed = new CountDownLatch(1);
        /** Counted down by the banner or by the command's end, whichever comes first. */
        final CountDownLatch settled = new CountDownLatch(1);
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final AtomicBoolean interruptedAfter = new AtomicBoolean();
        final Thread thread;

        Serving(String... args) {
            PrintWriter out = new PrintWriter(banner) {
                @Override
                public void flush() {
                    super.flush();
                    if (!banner.toString().isEmpty()) {
                        flushed.countDown();
                        settled.countDown();
                    }
                }
            };
            AppContext ctx = new AppContext(Map.of(), Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC),
                    Sleeper.REAL, new Random(7), () -> false, () -> 100, cleanup);
            thread = new Thread(() -> {
                exitCode.set(Cli.create(ctx, out, new PrintWriter(errors, true), args).execute(args));
                interruptedAfter.set(Thread.currentThread().isInterrupted());
                settled.countDown();
            });
            thread.start();
        }

        String awaitBanner() throws InterruptedException {
            assertThat(flushed.await(10, TimeUnit.SECONDS)).as("the banner was flushed to stdout").isTrue();
            return banner.toString();
        }

        void ctrlC() {
            cleanup.runAll();
        }

        int awaitExit() throws InterruptedException {
            thread.join(10_000);
            assertThat(thread.isAlive()).as("the sandbox command returned").isFalse();
            return exitCode.get();
        }
    }

    private static int portIn(String banner) {
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void servesUntilCtrlCWhatAnExportInAnotherShellReads() throws Exception {
        Serving sandbox = new Serving("sandbox", "--calls", "0", "--error-rate", "1", "--rate-limit-rate", "1");
        String banner = sandbox.awaitBanner();
        assertThat(banner).contains("0 calls per platform, seed 42", "export VAANI_API_KEY=sandbox-vaani-key");
        int port = portIn(banner);
        // still serving after its banner: an export (which retries the injected 429/503) reaches it
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "sandbox-vaani-key")
                .run("vaani", "--base-url", "http://127.0.0.1:" + port + "/", "--retries", "0");
        assertThat(r.err()).as(r.toString()).containsAnyOf("503", "429");
        assertThat(sandbox.thread.isAlive()).as("serves until Ctrl-C").isTrue();

        sandbox.ctrlC();
        assertThat(sandbox.awaitExit()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void anInterruptStopsItAndIsKeptForTheCaller() throws Exception {
        Serving sandbox = new Serving("sandbox", "--calls", "1");
        int port = portIn(sandbox.awaitBanner());
        sandbox.thread.interrupt();
        assertThat(sandbox.awaitExit()).isZero();
        assertThat(sandbox.interruptedAfter).as("the thread's interrupt status is restored").isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void theHighestPortIsInRange() throws Exception {
        Serving sandbox = new Serving("sandbox", "--calls", "1", "--port", "65535");
        // the port may be taken on this machine: then it says so, but never that 65535 is out of range
        assertThat(sandbox.settled.await(10, TimeUnit.SECONDS)).isTrue();
        if (sandbox.flushed.getCount() == 0) {
            assertThat(sandbox.awaitBanner()).contains("http://127.0.0.1:65535");
            sandbox.ctrlC();
            assertThat(sandbox.awaitExit()).isZero();
        } else {
            assertThat(sandbox.awaitExit()).isEqualTo(2);
            assertThat(sandbox.errors.toString()).contains("cannot listen on 127.0.0.1:65535");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--calls=-1 | --calls must be 0 or more",
        "--error-rate=1.01 | --error-rate and --rate-limit-rate must be between 0 and 1",
        "--rate-limit-rate=1.01 | --error-rate and --rate-limit-rate must be between 0 and 1",
        "--error-rate=-0.1 | --error-rate and --rate-limit-rate must be between 0 and 1",
        "--rate-limit-rate=-0.1 | --error-rate and --rate-limit-rate must be between 0 and 1",
        "--port=-1 | --port must be between 0 and 65535",
        "--port=65536 | --port must be between 0 and 65535"})
    void settingsOutOfRangeAreUsageErrors(String option, String message) {
        Result r = CallxRunner.callx().run("sandbox", option);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("callx sandbox: " + message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theSandboxCommandDoesNotTakeTheSandboxOption() {
        Result r = CallxRunner.callx().run("--sandbox", "sandbox");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("'callx sandbox' alone serves one");
    }
}
