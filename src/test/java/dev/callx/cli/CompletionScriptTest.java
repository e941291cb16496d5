package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompletionScriptTest {
    private static final Path COMMITTED = Path.of("completions", "callx.bash");

    @Test
    void committedScriptIsWhatTheCommandTreeGenerates() throws Exception {
        String generated = CompletionScript.generate();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("completions/callx.bash is stale: the build wrote the current one to target/completions/; "
                        + "run 'cp target/completions/callx.bash completions/' and commit it")
                .isEqualTo(generated);
    }

    @Test
    void scriptCompletesEveryCommandAndSharedOption() {
        String script = CompletionScript.generate();
        assertThat(script).contains("phone-history", "sessions", "contact-calls", "vaani", "calls",
                "--output", "--file", "--fields", "--since", "--sort-order");
    }

    @Test
    void buildGeneratedTheSameScript() throws Exception {
        Path built = Path.of("target", "completions", "callx.bash");
        assertThat(built).as("the build's process-classes phase writes it").exists();
        assertThat(Files.readString(built, StandardCharsets.UTF_8)).isEqualTo(CompletionScript.generate());
    }
}
