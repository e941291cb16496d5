package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A progress line on a terminal's stderr while data goes elsewhere; gone when the export ends. */
class ProgressTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @BeforeEach
    void onePage() {
        String page = Api.vaaniOnlyPage()
                .replace("\"total_count\": 1028", "\"total_count\": 1").replace("\"total_pages\": 21", "\"total_pages\": 1");
        server.enqueue(Api.json(page));
    }

    private Result run(CallxRunner runner, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "vaani";
        args[1] = "--base-url";
        args[2] = server.baseUrl();
        System.arraycopy(options, 0, args, 3, options.length);
        return runner.env("VAANI_API_KEY", "k").run(args);
    }

    @Test
    void progressIsDrawnOnAStderrTerminalAndErasedAtTheEnd() {
        Result r = run(CallxRunner.callx().stderrTerminal(), "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // the progress line is erased before the summary line
        assertThat(r.err()).as(r.toString()).startsWith("\rcallx vaani: 1 record received of 1, page 1 of 1\u001b[K")
                .contains("\r\u001b[Kcallx vaani: wrote 1 record (").endsWith(")\n");
        assertThat(r.outLines()).hasSize(1).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void noProgressWhenStderrIsNotATerminal() {
        Result r = run(CallxRunner.callx(), "-o", "jsonl");
        assertThat(r.err()).as(r.toString()).doesNotContain("\r");
        assertThat(r.errLines()).as(r.toString()).singleElement().asString().startsWith("callx vaani: wrote 1 record (");
    }

    @Test
    void noProgressWithQuietOrVerbose() {
        assertThat(run(CallxRunner.callx().stderrTerminal(), "-q").err()).doesNotContain("\r");
    }

    @Test
    void noProgressWhenTheTableIsOnTheSameTerminal() {
        Result r = run(CallxRunner.callx().stderrTerminal().terminal(120));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("\r");
    }

}
