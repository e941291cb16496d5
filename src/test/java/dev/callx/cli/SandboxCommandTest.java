package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

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
}
