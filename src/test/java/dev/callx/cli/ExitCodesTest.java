package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.error.CallxException;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * SPEC section 7: how a failure becomes an exit code, with the codes written out from the SPEC (not
 * taken from ExitCode). Each HTTP status's code: ErrorsApiTest.
 */
class ExitCodesTest {
    @ParameterizedTest(name = "a failure carrying exit {0}")
    @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8", "130"})
    void anExpectedFailureEndsWithTheCodeItCarries(int code) {
        assertThat(Cli.exitCode(new CallxException(code, "failed"))).isEqualTo(code);
    }

    @Test
    void aPicocliParameterErrorIsExit2() {
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create());
        assertThat(Cli.exitCode(new CommandLine.ParameterException(cl, "bad option"))).isEqualTo(2);
        assertThat(Cli.exitCode(new CommandLine.UnmatchedArgumentException(cl, "--bogus"))).isEqualTo(2);
        assertThat(Cli.exitCode(new CommandLine.MissingParameterException(cl, (CommandLine.Model.ArgSpec) null,
                "missing"))).isEqualTo(2);
    }

    @Test
    void anythingElseIsAnInternalErrorExit1() {
        assertThat(Cli.exitCode(new IllegalStateException("bug"))).isEqualTo(1);
        assertThat(Cli.exitCode(new NullPointerException())).isEqualTo(1);
        assertThat(Cli.exitCode(new UncheckedIOException(new IOException("disk")))).isEqualTo(1);
    }

    @Test
    void anUnknownOptionIsExit2BeforeAnyRequest() {
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").run("vaani", "--bogus");
        assertOneLineError(r, 2, "vaani", "--bogus", "callx vaani --help");
    }

    @Test
    void aParameterErrorRaisedWhileTheCommandRunsIsExit2() {
        // callx config checks its action when it runs, not when picocli parses
        Result r = CallxRunner.callx().run("config", "bogus");
        assertOneLineError(r, 2, "config", "bogus", "callx config --help");
    }

    @Test
    void runningOutOfMemoryIsExit1InOneLineThatSaysWhatToDo() {
        // README, exit codes: "1 | unexpected internal error, out of memory included (one line on stderr; the
        // stack trace with -v)"
        StringWriter err = new StringWriter();
        int code = Cli.printOutOfMemory(new PrintWriter(err), "callx vaani: ", new OutOfMemoryError("Java heap space"),
                false);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("callx vaani: out of memory (Java heap space)").contains("-Xmx", "--since");

        StringWriter noDetail = new StringWriter();
        assertThat(Cli.printOutOfMemory(new PrintWriter(noDetail), "callx calls: ", new OutOfMemoryError(), false))
                .isEqualTo(1);
        assertThat(noDetail.toString()).startsWith("callx calls: out of memory (no detail)");

        StringWriter verbose = new StringWriter();
        assertThat(Cli.printOutOfMemory(new PrintWriter(verbose), "callx calls: ", new OutOfMemoryError("heap"),
                true)).isEqualTo(1);
        assertThat(verbose.toString().lines().toList()).hasSizeGreaterThan(1)
                .element(1).asString().startsWith("java.lang.OutOfMemoryError: heap");
    }

    @Test
    void anOutOfMemoryErrorIsFoundUnderTheExceptionsThatWrapIt() {
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        assertThat(Cli.outOfMemoryIn(oom)).isSameAs(oom);
        assertThat(Cli.outOfMemoryIn(new UncheckedIOException(new IOException(oom)))).isSameAs(oom);
        assertThat(Cli.outOfMemoryIn(new IllegalStateException("bug", new RuntimeException("cause")))).isNull();
        assertThat(Cli.outOfMemoryIn(null)).isNull();
    }
}
