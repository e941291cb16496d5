package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callx.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bash completion script. completions/callx.bash is generated, never hand-edited, and committed
 * as a golden file: it changes only through {@code -Dgolden.update=true} and a reviewed diff. What it
 * completes is checked by running its completion function in bash against SPEC sections 1 and 2.
 */
class CompletionScriptTest {
    private static final Path COMMITTED = Path.of("completions", "callx.bash");

    /** SPEC section 1: the five export commands. */
    private static final List<String> COMMANDS = List.of("phone-history", "sessions", "contact-calls", "vaani",
            "calls");

    /** SPEC section 2 (and --since/--until, --param of section 1): the options that take a value. */
    private static final List<String> SHARED_WITH_VALUE = List.of("-o", "--output", "-f", "--file", "--fields",
            "-n", "--limit", "--page-size", "--page", "--tz", "--base-url", "--timeout", "--since", "--until",
            "--param", "--state", "--lookback", "--summary-json", "--profile");

    /** SPEC section 2: the flags. */
    private static final List<String> SHARED_FLAGS = List.of("--raw", "--no-header", "-q", "--quiet", "-v",
            "--verbose", "--full-refresh");

    /** SPEC section 1: each command's own options, and whether each takes a value. */
    private static final Map<String, Map<String, Boolean>> OWN = Map.of(
            "phone-history", Map.of("--transcripts", false),
            "sessions", Map.of("--agent", true, "--status", true, "--channel", true, "--caller", true,
                    "--search", true, "--sort-by", true, "--sort-order", true),
            "contact-calls", Map.of(),
            "vaani", Map.of(),
            "calls", Map.of("--sort-order", true, "--sort-by", true));

    @Test
    void theCommandTreeGeneratesTheCommittedScript() {
        Golden.assertMatches(COMMITTED, CompletionScript.generate());
    }

    @Test
    void theBuildGeneratedTheCommittedScript() throws Exception {
        // process-classes ran the generator in Maven's own JVM, in whatever locale and zone it has
        Path built = Path.of("target", "completions", "callx.bash");
        assertThat(built).as("the build's process-classes phase writes it").exists();
        assertThat(Files.readString(built, StandardCharsets.UTF_8))
                .as("target/completions/callx.bash is what the build generated; it must be the reviewed "
                        + COMMITTED)
                .isEqualTo(Golden.read(COMMITTED));
    }

    @Test
    void theFirstWordCompletesToEveryCommand() throws Exception {
        assertThat(complete("callx", "")).containsAll(COMMANDS);
        assertThat(complete("callx", "contact")).containsExactly("contact-calls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone-history", "sessions", "contact-calls", "vaani", "calls"})
    void everyOptionOfTheSpecIsOfferedAndOnlyFlagsAreFollowedByMoreOptions(String command) throws Exception {
        Map<String, Boolean> options = new LinkedHashMap<>();
        SHARED_WITH_VALUE.forEach(o -> options.put(o, true));
        SHARED_FLAGS.forEach(o -> options.put(o, false));
        options.putAll(OWN.get(command));

        assertThat(complete("callx", command, "-")).as("callx %s -<TAB>", command)
                .containsAll(options.keySet());
        for (Map.Entry<String, Boolean> option : options.entrySet()) {
            List<String> after = complete("callx", command, option.getKey(), "-");
            if (option.getValue()) {
                assertThat(after).as("callx %s %s -<TAB>: the option's value comes next, not an option", command,
                        option.getKey()).isEmpty();
            } else {
                assertThat(after).as("callx %s %s -<TAB>: a flag is followed by more options", command,
                        option.getKey()).contains("--fields", "--limit");
            }
        }
    }

    @Test
    void fileCompletesToFileNames() throws Exception {
        assertThat(complete("callx", "vaani", "-f", "pom")).contains("pom.xml");
        assertThat(complete("callx", "calls", "--file", "pom")).contains("pom.xml");
    }

    /**
     * What the committed script offers for the last of {@code words} (the word being completed), as
     * bash would: the script is sourced and its completion function run with COMP_WORDS and
     * COMP_CWORD set.
     */
    private static List<String> complete(String... words) throws IOException, InterruptedException {
        assumeTrue(bash() != null, "bash is not installed");
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        String script = "source " + COMMITTED + " && COMP_WORDS=(" + array + ") && COMP_CWORD="
                + (words.length - 1) + " && _complete_callx; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder(bash(), "--norc", "--noprofile", "-c", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("bash completed %s", List.of(words)).isTrue();
        List<String> offered = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                offered.add(line.strip());
            }
        }
        return offered;
    }

    private static String bash() {
        for (String candidate : new String[] {"/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
