package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner.Result;

/** The shape of every error of SPEC section 7 without -v: the exit code, and one line on stderr. */
final class OneLineError {
    private OneLineError() {
    }

    /**
     * Asserts the run failed with {@code exitCode}, printed nothing on stdout and exactly one line on
     * stderr, starting {@code callx COMMAND: } and containing each of {@code parts}; returns that line.
     */
    static String assertOneLineError(Result r, int exitCode, String command, String... parts) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exitCode);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).as(r.toString()).startsWith("callx " + command + ": ").doesNotContain("Exception");
        for (String part : parts) {
            assertThat(line).as(r.toString()).contains(part);
        }
        return line;
    }
}
