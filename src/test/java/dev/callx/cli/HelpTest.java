package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Help, version and the command line's own errors. */
class HelpTest {
    private static final List<String> COMMANDS = List.of("phone-history", "sessions", "contact-calls", "vaani", "calls");

    /** Options every export command shares (SPEC section 2), as its help must list them. */
    private static final List<String> SHARED_OPTIONS = List.of("-o, --output", "-f, --file", "--fields", "--raw",
            "-n, --limit", "--no-header", "--tz", "--base-url", "--timeout", "-q, --quiet",
            "-v, --verbose", "--progress", "--since", "--until", "--param", "--state", "--lookback", "--full-refresh",
            "--summary-json", "--profile");

    private static final Path HELP_GOLDEN = Path.of("src", "test", "resources", "golden", "help");

    private static Result run(String... args) {
        return CallxRunner.callx().run(args);
    }

    /** The version in the pom, read independently of the build's resource filtering. */
    private static String pomVersion() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        var doc = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("no <version> in pom.xml");
    }

    /** The lines of a help text from its "Commands:" heading to the next blank line. */
    private static List<String> commandList(String help) {
        List<String> lines = help.lines().collect(Collectors.toList());
        int start = lines.indexOf("Commands:");
        assertThat(start).as(help).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    @Test
    void helpListsTheFiveCommandsOneLineEach() {
        Result r = run("--help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        List<String> list = commandList(r.out());
        for (String command : COMMANDS) {
            List<String> lines = list.stream().filter(l -> l.startsWith("  " + command + " ")).toList();
            assertThat(lines).as(r.toString()).hasSize(1);
            assertThat(lines.get(0).substring(command.length() + 2).strip()).as(r.toString()).isNotEmpty();
        }
        assertThat(list).as("one line per command, no wrapped descriptions: " + r).allMatch(l -> l.matches("  \\S.*"));
        assertThat(r.out()).contains("Examples:").contains("VAANI_API_KEY").contains("Exit codes");
    }

    @Test
    void helpNamesThePlatformOfEachCommand() {
        Map<String, String> platforms = Map.of("phone-history", "Ravan AI", "sessions", "Ravan AI",
                "contact-calls", "Ravan AI", "vaani", "Vaani Voice", "calls", "Zudu AI");
        List<String> list = commandList(run("--help").out());

        platforms.forEach((command, platform) -> assertThat(list)
                .anyMatch(l -> l.startsWith("  " + command + " ") && l.contains(platform)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone-history", "sessions", "contact-calls", "vaani", "calls"})
    void eachCommandsHelpShowsItsOptionsAndExamples(String command) {
        Result r = run(command, "--help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).as(r.toString()).startsWith("Usage: callx " + command);
        for (String option : SHARED_OPTIONS) {
            assertThat(r.out()).as(r.toString()).contains(option);
        }
        List<String> lines = r.out().lines().toList();
        int examples = lines.indexOf("Examples:");
        assertThat(examples).as(r.toString()).isPositive();
        assertThat(lines.get(examples + 1).strip()).as(r.toString()).startsWith("callx " + command);
    }

    @Test
    void commandsOwnOptionsAreInTheirHelp() {
        assertThat(run("phone-history", "--help").out()).contains("PHONE", "--transcripts", "E.164");
        assertThat(run("sessions", "--help").out()).contains("--agent", "--status", "--channel", "--caller",
                "--search", "--sort-by", "--sort-order");
        assertThat(run("contact-calls", "--help").out()).contains("CONTACT_ID");
        assertThat(run("calls", "--help").out()).contains("--sort-order", "ascending|descending", "--sort-by");
    }

    /** Issue 10 item 6: options only where they apply; --page-size states each endpoint's maximum and default. */
    @Test
    void pagingAndZoneOptionsAreOnlyWhereTheyApply() {
        assertThat(help("phone-history")).contains("--page-size", "1 to 100 (default: 100", "--page=N")
                .doesNotContain("--assume-tz");
        assertThat(help("vaani")).contains("--page-size", "1 to 200 (default: 200", "--assume-tz");
        assertThat(help("sessions")).contains("--page-size", "(default: 100; Ravan documents no maximum)",
                "--page=N").doesNotContain("--assume-tz");
        assertThat(help("calls")).contains("--page-size", "(default: 100; Zudu documents no maximum)",
                "counts pages from 0").doesNotContain("--assume-tz");
        assertThat(help("contact-calls")).doesNotContain("--page", "--assume-tz");
        assertThat(help("sandbox")).doesNotContain("--quiet", "--verbose", "--progress");
    }

    /** A command's help with its lines joined, so that a check does not depend on where lines wrap. */
    private static String help(String command) {
        Result r = run(command, "--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out().replaceAll("\\s+", " ");
    }

    /**
     * Issue 10 item 6: help is wrapped to the terminal, within 60 to 160 columns. picocli wraps between
     * words; a line no longer than the terminal is never wrapped again by the terminal, mid-word.
     */
    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 72, 100, 160, 200})
    void helpFitsTheTerminal(int columns) {
        int width = Math.min(columns, 160);
        for (String command : List.of("", "phone-history", "sessions", "vaani", "calls", "contact-calls", "sandbox")) {
            Result r = command.isEmpty() ? CallxRunner.callx().terminal(columns).run("--help")
                    : CallxRunner.callx().terminal(columns).run(command, "--help");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().lines()).as(r.toString()).allMatch(l -> l.length() <= width);
            if (columns >= 100) {
                assertThat(r.out().lines().mapToInt(String::length).max().orElse(0)).as("uses the width: " + r)
                        .isGreaterThan(80);
            }
        }
    }

    @Test
    void helpInAPipeFromATerminalHasTheTerminalsWidth() {
        Result r = CallxRunner.callx().stderrTerminal().run("vaani", "--help");
        assertThat(r.out().lines()).as(r.toString()).allMatch(l -> l.length() <= 100);
        assertThat(r.out().lines().mapToInt(String::length).max().orElse(0)).as(r.toString()).isGreaterThan(80);
    }

    /**
     * The examples and notes at the end of each help, from "Examples:" on, are the reviewed text of
     * src/test/resources/golden/help: each example and each note whole on its line, never wrapped
     * mid-sentence. A change goes through -Dgolden.update=true and a reviewed diff (see Golden).
     */
    @ParameterizedTest(name = "[{index}] callx {0} --help")
    @ValueSource(strings = {"", "phone-history", "sessions", "contact-calls", "vaani", "calls", "config"})
    void examplesAndNotesAreTheReviewedTextShownWhole(String command) {
        Result r = command.isEmpty() ? run("--help") : run(command, "--help");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        int examples = r.out().indexOf("\nExamples:\n");
        assertThat(examples).as(r.toString()).isNotNegative();
        Golden.assertMatches(HELP_GOLDEN.resolve((command.isEmpty() ? "callx" : command) + ".footer.txt"),
                r.out().substring(examples + 1));
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        Result r = run("help", "vaani");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).startsWith("Usage: callx vaani").contains("Examples:");
    }

    @Test
    void versionIsTheBuildVersion() throws Exception {
        String expected = "callx " + pomVersion();
        for (String flag : new String[] {"--version", "-V"}) {
            Result r = run(flag);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().strip()).as(r.toString()).isEqualTo(expected);
            assertThat(r.err()).as(r.toString()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"phone-history", "sessions", "contact-calls", "vaani", "calls"})
    void versionAfterACommandIsTheBuildVersionToo(String command) throws Exception {
        Result r = run(command, "--version");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().strip()).as(r.toString()).isEqualTo("callx " + pomVersion());
    }

    @Test
    void noCommandIsExit2WithUsageOnStderr() {
        Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith("callx: ").contains("command");
        assertThat(r.err()).as(r.toString()).contains("Usage: callx").contains("Commands:");
        for (String command : COMMANDS) {
            assertThat(r.err()).as(r.toString()).contains("  " + command + " ");
        }
    }

    @Test
    void anUnknownCommandIsExit2InOneLine() {
        Result r = run("export");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx: ").contains("'export'").contains("callx --help");
    }

    @Test
    void anUnknownOptionIsExit2InOneLine() {
        Result r = run("vaani", "--frobnicate");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ").contains("'--frobnicate'")
                .contains("callx vaani --help");
    }

    @Test
    void anUnknownOptionBeforeTheCommandIsExit2InOneLine() {
        Result r = run("--frobnicate", "vaani");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx: ").contains("--frobnicate");
    }

    @Test
    void aMissingOptionValueIsExit2InOneLine() {
        Result r = run("vaani", "--since");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("callx vaani: ").contains("--since");
    }
}
