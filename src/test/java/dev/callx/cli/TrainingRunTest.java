package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bin/callx keeps no class archive from a training run that failed: every command in it must run. */
class TrainingRunTest {
    @Test
    void everyTrainingCommandRunsToExitZero() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int failed = TrainingRun.run(Map.of(), new PrintWriter(out), new PrintWriter(err, true), () -> null);

        assertThat(failed).as(err.toString()).isZero();
        assertThat(err.toString()).as("stderr").doesNotContain("exited");
        assertThat(out.toString())
                .contains("\"provider\":\"ravan\"")                 // the lookup, jsonl
                .contains("started_at,")                            // a CSV header
                .contains("STARTED_AT")                             // a table
                .contains("Usage: callx");                          // the help
    }

    @Test
    void aUsersProxyProfileOrCaBundleDoesNotSteerTheTrainingAway() throws Exception {
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("HTTP_PROXY", "http://127.0.0.1:1", "http_proxy", "http://127.0.0.1:1",
                "ALL_PROXY", "http://127.0.0.1:1", "CALLX_PROFILE", "no-such-profile",
                "CALLX_CONFIG", "/nonexistent/config.toml", "SSL_CERT_FILE", "/nonexistent/ca.pem");

        int failed = TrainingRun.run(env, new PrintWriter(new StringWriter()), new PrintWriter(err, true), () -> null);

        assertThat(failed).as(err.toString()).isZero();
    }
}
