package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.Golden;
import dev.callx.testing.Pty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 item 7: the completion scripts (bash, zsh, fish) and the man pages are generated from the
 * command tree, never edited by hand, and committed as golden files (completions/, man/): they
 * change only through {@code -Dgolden.update=true} and a reviewed diff. What each script completes
 * is checked in its own shell (skipped where that shell is not installed), against SPEC sections 1
 * and 2; each man page is rendered by man(1) and must give no warning.
 */
class CompletionScriptsTest {
    /** SPEC section 1: the five export commands. */
    private static final List<String> COMMANDS = List.of("phone-history", "sessions", "contact-calls", "vaani",
            "calls");

    /** SPEC section 2 (and --since/--until, --param of section 1): the options that take a value. */
    private static final List<String> SHARED_WITH_VALUE = List.of("-o", "--output", "-f", "--file", "--fields",
            "-n", "--limit", "--tz", "--base-url", "--timeout", "--since", "--until", "--param", "--progress",
            "--concurrency", "--ca-cert");

    /** SPEC section 2: the flags. */
    private static final List<String> SHARED_FLAGS = List.of("--raw", "--no-header", "-q", "--quiet", "-v",
            "--verbose");

    /** SPEC section 1: each command's own options, and whether each takes a value. */
    private static final Map<String, Map<String, Boolean>> OWN = Map.of(
            "phone-history", Map.of("--transcripts", false, "--page-size", true, "--page", true),
            "sessions", Map.of("--agent", true, "--status", true, "--channel", true, "--caller", true,
                    "--search", true, "--sort-by", true, "--sort-order", true, "--page-size", true, "--page", true),
            "contact-calls", Map.of(),
            "vaani", Map.of("--page-size", true, "--page", true, "--assume-tz", true),
            "calls", Map.of("--sort-order", true, "--sort-by", true, "--page-size", true, "--page", true));

    private static final List<String> FORMATS = List.of("table", "csv", "jsonl", "json");

    static Stream<String> generatedFiles() {
        return CompletionScripts.files().keySet().stream();
    }

    // ---- generated, committed, built ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedFiles")
    void theCommandTreeGeneratesTheCommittedFile(String path) {
        Golden.assertMatches(Path.of(path), CompletionScripts.files().get(path));
    }

    @Test
    void nothingIsCommittedThatTheTreeDoesNotGenerate() throws IOException {
        TreeSet<String> committed = new TreeSet<>();
        for (String folder : List.of("completions", "man")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.forEach(f -> committed.add(folder + "/" + f.getFileName()));
            }
        }
        assertThat(committed).as("a file left from an older tree is removed by hand, once, with git rm")
                .isEqualTo(new TreeSet<>(CompletionScripts.files().keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedFiles")
    void theBuildGeneratedTheCommittedFile(String path) throws Exception {
        // process-classes ran the generator in Maven's own JVM, in whatever locale and zone it has
        Path built = Path.of("target").resolve(path);
        assertThat(built).as("the build's process-classes phase writes it").exists();
        assertThat(Files.readString(built, StandardCharsets.UTF_8))
                .as("target/%s is what the build generated; it must be the reviewed %s", path, path)
                .isEqualTo(Golden.read(Path.of(path)));
    }

    @ParameterizedTest(name = "callx completion {0}")
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void theCompletionCommandPrintsTheCommittedScript(String shell) {
        Result r = CallxRunner.callx().run("completion", shell);
        String file = switch (shell) {
            case "bash" -> "completions/callx.bash";
            case "zsh" -> "completions/_callx";
            default -> "completions/callx.fish";
        };
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo(Golden.read(Path.of(file)));
    }

    @Test
    void anUnknownShellIsAUsageErrorWithASuggestion() {
        Result r = CallxRunner.callx().run("completion", "zhs");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("bash, zsh or fish", "did you mean 'zsh'?");
    }

    // ---- bash ----

    @Test
    void bashCompletesTheCommands() throws Exception {
        assertThat(bash("callx", "")).containsAll(COMMANDS).contains("sandbox", "completion");
        assertThat(bash("callx", "contact")).containsExactly("contact-calls");
        assertThat(bash("callx", "-v", "--progress", "never", "va")).containsExactly("vaani");
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone-history", "sessions", "contact-calls", "vaani", "calls"})
    void bashOffersEveryOptionOfTheSpecAndOnlyFlagsAreFollowedByMoreOptions(String command) throws Exception {
        Map<String, Boolean> options = new LinkedHashMap<>();
        SHARED_WITH_VALUE.forEach(o -> options.put(o, true));
        SHARED_FLAGS.forEach(o -> options.put(o, false));
        options.putAll(OWN.get(command));

        assertThat(bash("callx", command, "-")).as("callx %s -<TAB>", command).containsAll(options.keySet());
        for (Map.Entry<String, Boolean> option : options.entrySet()) {
            List<String> after = bash("callx", command, option.getKey(), "-");
            if (option.getValue()) {
                assertThat(after).as("callx %s %s -<TAB>: the option's value comes next, not an option", command,
                        option.getKey()).doesNotContain("--fields", "--limit");
            } else {
                assertThat(after).as("callx %s %s -<TAB>: a flag is followed by more options", command,
                        option.getKey()).contains("--fields", "--limit");
            }
        }
    }

    @Test
    void bashCompletesOptionValues() throws Exception {
        assertThat(bash("callx", "vaani", "-o", "")).containsExactlyElementsOf(FORMATS);
        assertThat(bash("callx", "vaani", "--output", "=", "js")).containsExactly("jsonl", "json");
        assertThat(bash("callx", "sessions", "--sort-order", "")).containsExactly("asc", "desc", "ascending",
                "descending");
        assertThat(bash("callx", "calls", "--sort-order", "des")).containsExactly("desc", "descending");
        assertThat(bash("callx", "--progress", "")).containsExactly("auto", "always", "never");
        assertThat(bash("callx", "vaani", "--progress", "n")).containsExactly("never");
        assertThat(bash("callx", "completion", "")).containsExactly("bash", "zsh", "fish");
        assertThat(bash("callx", "help", "ses")).containsExactly("sessions");
        assertThat(bash("callx", "vaani", "--limit", "")).isEmpty();
    }

    @Test
    void bashCompletesTheLastFieldOfAList() throws Exception {
        assertThat(bash("callx", "vaani", "--fields", "")).contains("id", "started_at", "metadata").hasSize(25);
        assertThat(bash("callx", "vaani", "--fields", "id,sta")).containsExactly("id,started_at", "id,status");
        assertThat(bash("callx", "calls", "--fields", "id,cost,summ")).containsExactly("id,cost,summary");
    }

    @Test
    void bashCompletesTimeZonesFromTheSystemDatabase() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/usr/share/zoneinfo/zone1970.tab")), "no zone1970.tab");
        assertThat(bash("callx", "vaani", "--tz", "Asia/Kolk")).containsExactly("Asia/Kolkata");
        assertThat(bash("callx", "vaani", "--assume-tz", "Europe/Par")).containsExactly("Europe/Paris");
        assertThat(bash("callx", "calls", "--tz", "UT")).contains("UTC");
    }

    @Test
    void bashCompletesFileNames() throws Exception {
        assertThat(bash("callx", "vaani", "-f", "pom")).contains("pom.xml");
        assertThat(bash("callx", "calls", "--file", "pom")).contains("pom.xml");
        assertThat(bash("callx", "calls", "--ca-cert", "pom")).contains("pom.xml");
    }

    /**
     * What the committed bash script offers for the last of {@code words} (the word being completed):
     * the script is sourced and its completion function run with COMP_WORDS and COMP_CWORD set, as
     * bash does (which splits "--output=js" into "--output", "=", "js").
     */
    private static List<String> bash(String... words) throws IOException, InterruptedException {
        String bash = executable("bash");
        assumeTrue(bash != null, "bash is not installed");
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        String script = "source completions/callx.bash && COMP_WORDS=(" + array + ") && COMP_CWORD="
                + (words.length - 1) + " && _callx; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return lines(run(List.of(bash, "--norc", "--noprofile", "-c", script)));
    }

    // ---- zsh ----

    @Test
    void zshReadsTheScript() throws Exception {
        String zsh = executable("zsh");
        assumeTrue(zsh != null, "zsh is not installed");
        Process p = new ProcessBuilder(zsh, "-n", "completions/_callx").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    /**
     * The native zsh function at work: an interactive zsh in a terminal, with completions/ in its
     * fpath, completes what is typed before TAB.
     */
    @Test
    void zshCompletesCommandsOptionsAndValues() throws Exception {
        String zsh = executable("zsh");
        assumeTrue(zsh != null, "zsh is not installed");
        assumeTrue(Pty.available(), "no util-linux script to make a pseudo-terminal");
        Path home = Files.createTempDirectory("callx-zsh");
        try (Pty.Session s = new Pty.Session(200, Map.of("ZDOTDIR", home.toString(), "HOME", home.toString()),
                Duration.ofSeconds(30), List.of(zsh, "-f", "-i"))) {
            s.type("fpath=(" + Path.of("completions").toAbsolutePath() + " $fpath); autoload -U compinit; "
                    + "compinit -u -D; zstyle ':completion:*' list-prompt ''; LISTMAX=10000\r");
            completes(s, "callx vaani -o \t", "csv", "json", "jsonl", "table");
            completes(s, "callx sess\t", "callx sessions ");
            completes(s, "callx vaani --fields id,sta\t", "started_at", "status");
            completes(s, "callx calls --sort-order desc\t", "desc", "descending");
            completes(s, "callx -v vaani --li\t", "--limit");
            completes(s, "callx vaani --progress al\t", "always");
            if (Files.isReadable(Path.of("/usr/share/zoneinfo/Asia/Kolkata"))) {
                completes(s, "callx vaani --tz Asia/Kolk\t", "Asia/Kolkata");
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Types {@code text} and asserts the screen then shows each of {@code expected}. */
    private static void completes(Pty.Session s, String text, String... expected) {
        assertThat(s.type(text, expected)).as(text).contains(expected);
    }

    // ---- fish ----

    @Test
    void fishCompletesCommandsOptionsAndValues() throws Exception {
        assertThat(fish("callx ")).contains("vaani", "sessions", "phone-history", "contact-calls", "calls");
        assertThat(fish("callx vaani -o ")).containsExactlyInAnyOrderElementsOf(FORMATS);
        assertThat(fish("callx vaani --fields id,sta")).containsExactly("id,started_at", "id,status");
        assertThat(fish("callx vaani --fields=id,sta")).containsExactly("--fields=id,started_at", "--fields=id,status");
        assertThat(fish("callx sessions --sort-order ")).containsExactlyInAnyOrder("asc", "desc", "ascending",
                "descending");
        assertThat(fish("callx -v vaani --li")).containsExactly("--limit");
        assertThat(fish("callx vaani --progress ")).containsExactlyInAnyOrder("auto", "always", "never");
        assertThat(fish("callx vaani --li")).containsExactly("--limit");
        assertThat(fish("callx contact-calls --")).doesNotContain("--page", "--page-size", "--assume-tz");
        if (Files.isReadable(Path.of("/usr/share/zoneinfo/zone1970.tab"))) {
            assertThat(fish("callx vaani --tz Asia/Kolk")).containsExactly("Asia/Kolkata");
        }
    }

    @Test
    void fishOffersEveryOptionOfTheSpec() throws Exception {
        for (String command : COMMANDS) {
            List<String> offered = fish("callx " + command + " -");
            List<String> expected = new ArrayList<>(SHARED_WITH_VALUE);
            expected.addAll(SHARED_FLAGS);
            expected.addAll(OWN.get(command).keySet());
            List<String> longOnes = expected.stream().filter(o -> o.startsWith("--")).toList();
            assertThat(fish("callx " + command + " --")).as("callx %s --<TAB>", command).containsAll(longOnes);
            assertThat(offered).as("callx %s -<TAB>", command).isNotEmpty();
        }
    }

    /** What fish offers for the command line {@code line} (complete -C), the candidates without descriptions. */
    private static List<String> fish(String line) throws IOException, InterruptedException {
        String fish = executable("fish");
        assumeTrue(fish != null, "fish is not installed");
        String script = "source completions/callx.fish; complete -C '" + line.replace("'", "\\'") + "'";
        List<String> offered = new ArrayList<>();
        for (String l : lines(run(List.of(fish, "--no-config", "-c", script)))) {
            offered.add(l.split("\t", 2)[0]);
        }
        return offered;
    }

    // ---- man pages ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("manPages")
    void eachManPageRendersWithoutAWarning(String page) throws Exception {
        String man = executable("man");
        assumeTrue(man != null, "man is not installed");
        ProcessBuilder pb = new ProcessBuilder(man, "--warnings", "-l", page).redirectOutput(
                ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MANWIDTH", "80");
        pb.environment().put("MAN_KEEP_FORMATTING", "0");
        Process p = pb.start();
        String warnings = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(warnings).as(page).isEmpty();
        assertThat(p.exitValue()).as(page).isZero();
    }

    static Stream<String> manPages() {
        return generatedFiles().filter(f -> f.startsWith("man/"));
    }

    @Test
    void thereIsAManPagePerCommandNamingItsOptions() {
        Map<String, String> files = CompletionScripts.files();
        assertThat(files).containsKey("man/callx.1");
        for (String command : COMMANDS) {
            String page = files.get("man/callx-" + command + ".1");
            assertThat(page).as(command).isNotNull().contains(".TH \"CALLX\\-" + command.toUpperCase(
                    java.util.Locale.ROOT).replace("-", "\\-") + "\" \"1\"");
            for (String option : OWN.get(command).keySet()) {
                assertThat(page).as(command).contains("\\fB" + option.replace("-", "\\-") + "\\fR");
            }
            for (String option : SHARED_FLAGS) {
                assertThat(page).as(command).contains("\\fB" + option.replace("-", "\\-") + "\\fR");
            }
        }
    }

    // ---- helpers ----

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        return out;
    }

    private static List<String> lines(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String executable(String name) {
        for (String dir : new String[] {"/bin", "/usr/bin", "/usr/local/bin"}) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }
}
